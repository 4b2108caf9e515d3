package dev.kiln.dockerfile;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.parser.SourceRange;

/**
 * An error in a Dockerfile. The message names {@code file:line:col}, quotes the offending line
 * and says what to fix.
 */
public class DockerfileException extends KilnException {
    private final String fileName;
    private final SourceRange range;

    public DockerfileException(String fileName, SourceRange range, String sourceLine, String problem) {
        super(format(fileName, range, sourceLine, problem));
        this.fileName = fileName;
        this.range = range;
    }

    public String fileName() {
        return fileName;
    }

    public SourceRange range() {
        return range;
    }

    private static String format(String fileName, SourceRange range, String sourceLine, String problem) {
        var where = new StringBuilder(fileName);
        if (range != null && range.startLine() > 0) {
            where.append(':').append(range.startLine()).append(':').append(Math.max(1, range.startColumn()));
        }
        var text = new StringBuilder(where).append(": ").append(problem);
        if (sourceLine != null && !sourceLine.isBlank()) {
            text.append("\n  ").append(range == null ? "" : range.startLine() + " | ").append(sourceLine.strip());
        }
        return text.toString();
    }
}
