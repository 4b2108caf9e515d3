package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.ParsedDockerfile;

/** Groups typed instructions into stages. */
final class StageBuilder {
    private StageBuilder() {}

    static ParsedStages build(ParsedDockerfile dockerfile) {
        throw new UnsupportedOperationException("TODO");
    }
}
