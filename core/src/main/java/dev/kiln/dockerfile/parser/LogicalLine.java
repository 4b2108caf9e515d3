package dev.kiln.dockerfile.parser;

import java.util.List;

/**
 * One instruction's text after joining its continuation lines, with a map back to the source so
 * that an offset in the joined text can be reported as line and column.
 *
 * @param text                   the joined text (BuildKit's {@code line})
 * @param pieces                 where each joined piece came from, in order
 * @param startLine              the instruction's first line
 * @param endLine                its last continuation line
 * @param firstEmptyContinuation the first blank line inside the continuation, or 0
 */
record LogicalLine(String text, List<Piece> pieces, int startLine, int endLine, int firstEmptyContinuation) {

    /** The joined text from {@code offset} on came from {@code line}, starting at 1-based {@code column}. */
    record Piece(int offset, int line, int column) {}

    /** A 1-based line and column for an offset in {@link #text()}. */
    record Position(int line, int column) {}

    LogicalLine {
        pieces = List.copyOf(pieces);
    }

    Position positionOf(int offset) {
        Piece owner = pieces.getFirst();
        for (Piece piece : pieces) {
            if (piece.offset() <= offset) {
                owner = piece;
            }
        }
        return new Position(owner.line(), owner.column() + Math.max(0, offset - owner.offset()));
    }

    /** Where the instruction's keyword stands. */
    Position keywordPosition() {
        return positionOf(GoStrings.leadingSpace(text));
    }
}
