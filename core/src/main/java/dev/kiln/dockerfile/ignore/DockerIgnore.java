package dev.kiln.dockerfile.ignore;

import dev.kiln.KilnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds and loads the ignore file for a build: {@code <Dockerfile>.dockerignore} beside the
 * Dockerfile wins over {@code .dockerignore} at the context root; with neither, nothing is ignored.
 */
public final class DockerIgnore {
    private static final String CONTEXT_IGNORE_FILE = ".dockerignore";

    private DockerIgnore() {}

    /** The ignore file's patterns as written (for build checks) and compiled (for filtering). */
    public record Loaded(List<String> patterns, PatternMatcher matcher) {
        static final Loaded NONE = new Loaded(List.of(), PatternMatcher.empty());
    }

    public static PatternMatcher load(Path contextDir, Path dockerfile) {
        return read(contextDir, dockerfile).matcher();
    }

    /** The ignore file that applies, read and compiled once; nothing ignored without one. */
    public static Loaded read(Path contextDir, Path dockerfile) {
        return ignoreFile(contextDir, dockerfile).map(DockerIgnore::compile).orElse(Loaded.NONE);
    }

    /** The ignore file that applies, if any. */
    public static Optional<Path> ignoreFile(Path contextDir, Path dockerfile) {
        if (dockerfile != null && dockerfile.getFileName() != null) {
            Path specific = dockerfile.resolveSibling(dockerfile.getFileName() + CONTEXT_IGNORE_FILE);
            if (Files.isRegularFile(specific)) {
                return Optional.of(specific);
            }
        }
        Path shared = contextDir.resolve(CONTEXT_IGNORE_FILE);
        return Files.isRegularFile(shared) ? Optional.of(shared) : Optional.empty();
    }

    private static Loaded compile(Path file) {
        try {
            var patterns = IgnoreFile.parse(text(file));
            return new Loaded(patterns, PatternMatcher.compile(patterns));
        } catch (IgnorePatternException e) {
            throw new IgnorePatternException(file + ": " + e.getMessage());
        }
    }

    private static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KilnException("cannot read ignore file " + file + ": " + e.getMessage()
                    + "; check that it is readable", e);
        }
    }
}
