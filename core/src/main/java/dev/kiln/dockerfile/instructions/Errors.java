package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.DockerfileException;
import java.util.List;

/** Builds located Dockerfile errors from instruction errors. */
final class Errors {
    private Errors() {}

    static DockerfileException at(String fileName, List<String> lines, InstructionException e) {
        var range = e.range();
        String line = null;
        if (range != null && range.startLine() >= 1 && range.startLine() <= lines.size()) {
            line = lines.get(range.startLine() - 1);
        }
        var located = new DockerfileException(fileName, range, line, e.problem());
        located.initCause(e);
        return located;
    }
}
