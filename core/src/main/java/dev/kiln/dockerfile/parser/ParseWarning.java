package dev.kiln.dockerfile.parser;

/** A problem that does not stop the build, printed once with its location. */
public record ParseWarning(String message, SourceRange range) {}
