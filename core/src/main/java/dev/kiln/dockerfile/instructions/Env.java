package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;

/** {@code ENV k=v …} or the legacy {@code ENV k v}. */
public record Env(List<KeyValue> variables, SourceRange range, String original)
        implements Instruction, Expandable<Env> {
    public Env {
        variables = List.copyOf(variables);
    }

    @Override
    public Env expand(WordExpander expander) {
        return new Env(variables.stream().map(kv -> kv.expand(expander)).toList(), range, original);
    }
}
