package dev.kiln.plan;

import dev.kiln.dockerfile.instructions.Instructions;
import dev.kiln.dockerfile.parser.DockerfileParser;
import dev.kiln.dockerfile.parser.SyntaxDirective;

/** From Dockerfile text to a checked, pruned plan: parse, type, plan. */
public final class Frontend {
    private Frontend() {}

    /**
     * @param fileName the name used in messages ({@code Dockerfile}, {@code -} for stdin)
     * @throws dev.kiln.KilnException for any error in the Dockerfile or the request
     */
    public static BuildPlan plan(String fileName, String text, BuildRequest request) {
        var parsed = DockerfileParser.parse(fileName, text);
        SyntaxDirective.check(parsed);
        var stages = Instructions.parse(parsed);
        return Planner.plan(stages, parsed.directives().escape(), request);
    }
}
