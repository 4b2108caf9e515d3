package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;

/** {@code ARG name[=default] …}. */
public record Arg(List<ArgDefinition> definitions, SourceRange range, String original)
        implements Instruction, Expandable<Arg> {
    public Arg {
        definitions = List.copyOf(definitions);
    }

    /** Expands names and defaults (BuildKit expands each against the ARGs declared before it). */
    @Override
    public Arg expand(WordExpander expander) {
        return new Arg(definitions.stream().map(d -> d.expand(expander)).toList(), range, original);
    }
}
