package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.ParsedDockerfile;

/** Turns parsed Dockerfile nodes into typed stages, as BuildKit's instructions.Parse does. */
public final class Instructions {
    private Instructions() {}

    /**
     * @throws dev.kiln.dockerfile.DockerfileException for an unknown instruction, an instruction
     *         before the first FROM other than ARG, bad arguments or flags, naming file:line:col
     */
    public static ParsedStages parse(ParsedDockerfile dockerfile) {
        return StageBuilder.build(dockerfile);
    }
}
