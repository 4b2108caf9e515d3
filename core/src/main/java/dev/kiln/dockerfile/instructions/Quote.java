package dev.kiln.dockerfile.instructions;

/** Quoting as Go's {@code %q} does it for the plain strings that appear in messages. */
final class Quote {
    private Quote() {}

    static String go(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
