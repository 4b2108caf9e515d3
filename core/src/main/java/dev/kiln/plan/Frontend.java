package dev.kiln.plan;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.ignore.DockerIgnore;
import dev.kiln.dockerfile.ignore.IgnoreFile;
import dev.kiln.dockerfile.instructions.Instructions;
import dev.kiln.dockerfile.parser.DockerfileParser;
import dev.kiln.dockerfile.parser.SyntaxDirective;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * @param dockerignore the context's ignore patterns, from {@link #ignorePatterns}
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

    /**
     * The ignore patterns that apply to a build ({@code <Dockerfile>.dockerignore} or the context's
     * {@code .dockerignore}); empty when there is none.
     *
     * @param dockerfile the Dockerfile's path, or null when it comes from stdin
     */
    public static List<String> ignorePatterns(Path context, Path dockerfile) {
        var file = DockerIgnore.ignoreFile(context, dockerfile);
        if (file.isEmpty()) {
            return List.of();
        }
        try {
            return IgnoreFile.parse(new String(Files.readAllBytes(file.get()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KilnException("cannot read ignore file " + file.get() + ": " + e.getMessage()
                    + "; check that it is readable", e);
        }
    }
}
