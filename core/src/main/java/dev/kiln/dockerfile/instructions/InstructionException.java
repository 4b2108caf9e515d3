package dev.kiln.dockerfile.instructions;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.parser.SourceRange;

/**
 * An instruction that is invalid, found without the file at hand (e.g. while expanding).
 * {@link ParsedStages#locate} turns it into a {@link dev.kiln.dockerfile.DockerfileException}
 * naming file:line:col and quoting the line.
 */
public final class InstructionException extends KilnException {
    private final SourceRange range;
    private final String problem;

    public InstructionException(SourceRange range, String problem) {
        super(problem + (range == null ? "" : " (line " + range.startLine() + ")"));
        this.range = range;
        this.problem = problem;
    }

    public SourceRange range() {
        return range;
    }

    public String problem() {
        return problem;
    }
}
