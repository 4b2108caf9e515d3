package dev.kiln.dockerfile.parser;

import dev.kiln.KilnException;

/**
 * A problem found inside one logical line, before its place in the file is known. The parser
 * turns it into a {@link dev.kiln.dockerfile.DockerfileException} naming file, line and column.
 */
final class ParseProblem extends KilnException {
    static final int UNKNOWN_OFFSET = -1;

    private final int offset;

    ParseProblem(String problem) {
        this(problem, UNKNOWN_OFFSET);
    }

    /** @param offset where in the text under analysis the problem starts, or {@link #UNKNOWN_OFFSET} */
    ParseProblem(String problem, int offset) {
        super(problem);
        this.offset = offset;
    }

    int offset() {
        return offset;
    }

    /** The same problem with its offset moved by {@code base}, for text nested inside other text. */
    ParseProblem shiftedBy(int base) {
        return offset == UNKNOWN_OFFSET ? this : new ParseProblem(getMessage(), offset + base);
    }
}
