package dev.kiln.dockerfile.parser;

import java.util.Optional;

/** The parser directives found at the top of a Dockerfile. */
public record Directives(Optional<String> syntax, char escape, Optional<String> check) {
    public static final char DEFAULT_ESCAPE = '\\';
}
