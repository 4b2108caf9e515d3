package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;

/** {@code SHELL ["executable", "param"…]} (JSON form only). */
public record Shell(List<String> shell, SourceRange range, String original) implements Instruction {
    public Shell {
        shell = List.copyOf(shell);
    }
}
