package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;

/** {@code VOLUME path…} or {@code VOLUME ["path", …]}. */
public record Volume(List<String> volumes, SourceRange range, String original)
        implements Instruction, Expandable<Volume> {
    public Volume {
        volumes = List.copyOf(volumes);
    }

    @Override
    public Volume expand(WordExpander expander) {
        return new Volume(volumes.stream().map(expander::word).toList(), range, original);
    }
}
