package dev.kiln.dockerfile.parser;

/** A 1-based, inclusive range of lines (and columns, 1-based; 0 when unknown) in a Dockerfile. */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn) {
    public static SourceRange lines(int startLine, int endLine) {
        return new SourceRange(startLine, 0, endLine, 0);
    }
}
