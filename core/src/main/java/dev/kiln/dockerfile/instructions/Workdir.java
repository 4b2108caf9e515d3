package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;

/** {@code WORKDIR path} (relative paths resolve against the previous WORKDIR, in the plan). */
public record Workdir(String path, SourceRange range, String original)
        implements Instruction, Expandable<Workdir> {
    @Override
    public Workdir expand(WordExpander expander) {
        return new Workdir(expander.word(path), range, original);
    }
}
