package dev.kiln.plan;

import dev.kiln.dockerfile.instructions.Instructions;
import dev.kiln.dockerfile.parser.DockerfileParser;
import dev.kiln.dockerfile.parser.SyntaxDirective;

import java.util.List;

/** From Dockerfile text to a checked, pruned plan: parse, type, plan. */
public final class Frontend {
    private Frontend() {}

    /**
     * As {@link #plan(String, String, BuildRequest, List)} without a {@code .dockerignore} (so no
     * CopyIgnoredFile check).
     */
    public static BuildPlan plan(String fileName, String text, BuildRequest request) {
        return plan(fileName, text, request, List.of());
    }

    /**
     * @param fileName     the name used in messages ({@code Dockerfile}, {@code -} for stdin)
     * @param dockerignore the context's ignore patterns as written (for the CopyIgnoredFile check)
     * @throws dev.kiln.dockerfile.lint.LintViolationException when {@code # check=error=true} and a
     *         build check fired; it carries the warnings to print before it
     * @throws dev.kiln.KilnException for any error in the Dockerfile or the request
     */
    public static BuildPlan plan(String fileName, String text, BuildRequest request, List<String> dockerignore) {
        var parsed = DockerfileParser.parse(fileName, text);
        SyntaxDirective.check(parsed);
        var stages = Instructions.parse(parsed);
        return Planner.plan(stages, parsed.directives().escape(), request, dockerignore);
    }
}
