package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;

/** Validation and application of octal and symbolic chmod modes. */
final class ChmodSyntax {
    private ChmodSyntax() {}

    static void check(String text, SourceRange range) {
        throw new UnsupportedOperationException("TODO");
    }

    static boolean isOctal(String text) {
        throw new UnsupportedOperationException("TODO");
    }

    static int apply(String text, int current, boolean directory) {
        throw new UnsupportedOperationException("TODO");
    }
}
