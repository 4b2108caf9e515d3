package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.DockerfileException;
import dev.kiln.dockerfile.parser.ParseWarning;
import java.util.List;

/**
 * A Dockerfile as typed stages.
 *
 * @param fileName the Dockerfile's name for messages
 * @param metaArgs the ARG instructions before the first FROM
 * @param stages   the stages, in order (at least one)
 * @param warnings the parser's warnings followed by the lint warnings found here
 * @param lines    the file's lines, for quoting in errors
 */
public record ParsedStages(String fileName, List<Arg> metaArgs, List<Stage> stages, List<ParseWarning> warnings,
                           List<String> lines) {
    public ParsedStages {
        metaArgs = List.copyOf(metaArgs);
        stages = List.copyOf(stages);
        warnings = List.copyOf(warnings);
        lines = List.copyOf(lines);
    }

    /** The error for an instruction of this file, naming file:line:col and quoting the line. */
    public DockerfileException locate(InstructionException e) {
        return Errors.at(fileName, lines, e);
    }
}
