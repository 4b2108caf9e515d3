package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.DockerfileException;
import dev.kiln.dockerfile.lint.CheckComments;
import dev.kiln.dockerfile.lint.Checks;
import dev.kiln.dockerfile.lint.Finding;
import dev.kiln.dockerfile.parser.ParseWarning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Dockerfile as typed stages.
 *
 * @param fileName       the Dockerfile's name for messages
 * @param metaArgs       the ARG instructions before the first FROM
 * @param stages         the stages, in order (at least one)
 * @param findings       the build checks that fired while reading (every stage), before options apply
 * @param otherWarnings  the parser's warnings that are no build check
 * @param lines          the file's lines, for quoting in errors
 * @param checkDirective the {@code # check=} directive's value, if any
 * @param comments       the comments above each instruction (their {@code # check=} lines apply to it)
 */
public record ParsedStages(String fileName, List<Arg> metaArgs, List<Stage> stages, List<Finding> findings,
                           List<ParseWarning> otherWarnings, List<String> lines, Optional<String> checkDirective,
                           CheckComments comments) {
    public ParsedStages {
        metaArgs = List.copyOf(metaArgs);
        stages = List.copyOf(stages);
        findings = List.copyOf(findings);
        otherWarnings = List.copyOf(otherWarnings);
        lines = List.copyOf(lines);
    }

    /** The warnings of reading alone, under the file's {@code # check=} options. */
    public List<ParseWarning> warnings() {
        var warnings = new ArrayList<>(otherWarnings);
        warnings.addAll(Checks.configure(checkDirective, Map.of(), comments).apply(findings).warnings());
        return warnings;
    }

    /** The error for an instruction of this file, naming file:line:col and quoting the line. */
    public DockerfileException locate(InstructionException e) {
        return Errors.at(fileName, lines, e);
    }
}
