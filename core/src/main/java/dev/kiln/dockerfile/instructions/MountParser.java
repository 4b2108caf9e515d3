package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;

/** Parses a {@code RUN --mount} value (CSV of key[=value]) as BuildKit does. */
final class MountParser {
    private MountParser() {}

    static Mount parse(String spec, WordExpander expander, SourceRange range, String original) {
        throw new UnsupportedOperationException("TODO");
    }
}
