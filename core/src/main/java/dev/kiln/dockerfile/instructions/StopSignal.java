package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;

/** {@code STOPSIGNAL signal}. */
public record StopSignal(String signal, SourceRange range, String original)
        implements Instruction, Expandable<StopSignal> {
    @Override
    public StopSignal expand(WordExpander expander) {
        return new StopSignal(expander.word(signal), range, original);
    }
}
