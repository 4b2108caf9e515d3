package dev.kiln.dockerfile.parser;

import dev.kiln.dockerfile.parser.SourceLines.SourceLine;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Joins an instruction's physical lines into one {@link LogicalLine}, as BuildKit's main parse loop
 * does: leading whitespace of the first line dropped, comment lines dropped (also inside a
 * continuation), a trailing escape character continues the line, blank lines inside a continuation
 * skipped (and remembered for a warning), and the next line appended with no separator.
 */
final class LineJoiner {
    private final SourceLines source;
    private final DirectiveScanner directives;
    private final ErrorLocator errors;

    LineJoiner(SourceLines source, DirectiveScanner directives, ErrorLocator errors) {
        this.source = source;
        this.directives = directives;
        this.errors = errors;
    }

    /** @return the instruction that starts at {@code first}, or empty for a blank, comment or directive line */
    Optional<LogicalLine> join(SourceLine first) {
        String newlineTrimmed = SourceLines.trimNewline(first.raw());
        int indent = GoStrings.leadingSpace(newlineTrimmed);
        String processed = processLine(newlineTrimmed.substring(indent), first);
        String continued = Continuation.strip(processed, directives.escape());
        if (continued == null && processed.isEmpty()) {
            return Optional.empty();
        }
        var text = new StringBuilder();
        var pieces = new ArrayList<LogicalLine.Piece>();
        pieces.add(new LogicalLine.Piece(0, first.number(), indent + 1));
        text.append(continued == null ? processed : continued);
        int firstEmpty = 0;
        boolean endOfLine = continued == null;
        while (!endOfLine && source.hasNext()) {
            SourceLine next = source.next();
            String line = processLine(SourceLines.trimNewline(next.raw()), next);
            if (isComment(next.raw())) {
                continue;
            }
            if (GoStrings.trimLeadingSpace(line).isEmpty()) {
                firstEmpty = firstEmpty == 0 ? next.number() : firstEmpty;
                continue;
            }
            continued = Continuation.strip(line, directives.escape());
            endOfLine = continued == null;
            pieces.add(new LogicalLine.Piece(text.length(), next.number(), 1));
            text.append(endOfLine ? line : continued);
        }
        return Optional.of(new LogicalLine(text.toString(), pieces, first.number(), source.currentLine(), firstEmpty));
    }

    /** BuildKit's {@code processLine}: look for a directive, then blank out a comment line. */
    private String processLine(String line, SourceLine origin) {
        try {
            directives.accept(line);
        } catch (ParseProblem problem) {
            throw errors.at(origin.number(), 1, problem.getMessage());
        }
        return isComment(line) ? "" : line;
    }

    static boolean isComment(String line) {
        String trimmed = GoStrings.trimLeadingSpace(line);
        return !trimmed.isEmpty() && trimmed.charAt(0) == '#';
    }
}
