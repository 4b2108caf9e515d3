package dev.kiln.dockerfile.parser;

import dev.kiln.dockerfile.DockerfileException;
import java.util.List;

/** Turns problems into {@link DockerfileException}s that name the file, line and column and quote the line. */
record ErrorLocator(String fileName, List<String> lines) {

    DockerfileException at(int line, int column, String problem) {
        String quoted = line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
        return new DockerfileException(fileName, new SourceRange(line, column, line, column), quoted, problem);
    }

    /** A problem inside an instruction: at its offset if known, else at the instruction's keyword. */
    DockerfileException at(LogicalLine instruction, ParseProblem problem) {
        LogicalLine.Position where = problem.offset() == ParseProblem.UNKNOWN_OFFSET
                ? instruction.keywordPosition()
                : instruction.positionOf(problem.offset());
        return at(where.line(), where.column(), problem.getMessage());
    }
}
