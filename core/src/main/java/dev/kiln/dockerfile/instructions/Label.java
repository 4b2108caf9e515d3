package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;

/** {@code LABEL k=v …}. */
public record Label(List<KeyValue> labels, SourceRange range, String original)
        implements Instruction, Expandable<Label> {
    public Label {
        labels = List.copyOf(labels);
    }

    @Override
    public Label expand(WordExpander expander) {
        return new Label(labels.stream().map(kv -> kv.expand(expander)).toList(), range, original);
    }
}
