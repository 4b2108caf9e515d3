package dev.kiln.dockerfile.instructions;

/**
 * A pair of ENV or LABEL.
 *
 * @param noDelimiter true for the legacy {@code ENV key value} form (no {@code =})
 */
public record KeyValue(String key, String value, boolean noDelimiter) {
    KeyValue expand(WordExpander expander) {
        return new KeyValue(expander.word(key), expander.word(value), noDelimiter);
    }
}
