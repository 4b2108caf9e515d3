package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;

/** {@code EXPOSE port[/proto] …}; ports sorted as BuildKit sorts them. */
public record Expose(List<String> ports, SourceRange range, String original)
        implements Instruction, Expandable<Expose> {
    public Expose {
        ports = List.copyOf(ports);
    }

    /** Each port word expands to zero or more words (BuildKit uses word splitting here). */
    @Override
    public Expose expand(WordExpander expander) {
        return new Expose(ports.stream().flatMap(p -> expander.words(p).stream()).toList(), range, original);
    }
}
