package dev.kiln.plan;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.ignore.PatternMatcher;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CopyIgnoredFile's test: does the {@code .dockerignore} exclude a COPY/ADD source? As in BuildKit,
 * nothing is checked without patterns or when any pattern is a {@code !} exception (whether a
 * path is finally excluded is then too hard to tell statically), and the context root ({@code .}
 * or {@code /}) counts as excluded only under a pattern that excludes every entry of it.
 */
final class IgnoredSources {
    private static final Set<String> WHOLE_ROOT = Set.of("*", "**", "**/*");
    private static final IgnoredSources NONE = new IgnoredSources(null, false);

    private final PatternMatcher matcher;
    private final boolean rootIgnored;

    private IgnoredSources(PatternMatcher matcher, boolean rootIgnored) {
        this.matcher = matcher;
        this.rootIgnored = rootIgnored;
    }

    /** @param patterns the {@code .dockerignore} patterns as read (empty when there is none) */
    static IgnoredSources of(List<String> patterns) {
        if (patterns.isEmpty()) {
            return NONE;
        }
        PatternMatcher matcher;
        try {
            matcher = PatternMatcher.compile(patterns);
        } catch (KilnException e) {
            return NONE; // the build reports the bad pattern where it reads the context
        }
        if (matcher.isEmpty() || matcher.hasExclusions()) {
            return NONE;
        }
        boolean rootIgnored = patterns.stream().map(String::strip).anyMatch(WHOLE_ROOT::contains);
        return new IgnoredSources(matcher, rootIgnored);
    }

    /** The cleaned source path when the ignore file excludes it. */
    Optional<String> excluded(String source) {
        if (matcher == null) {
            return Optional.empty();
        }
        var cleaned = clean(source);
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        var path = cleaned.get();
        boolean excluded = path.equals(".") || path.equals("/") ? rootIgnored : matcher.matches(path);
        return excluded ? Optional.of(path) : Optional.empty();
    }

    /** Go's filepath.Clean, slash-separated. */
    private static Optional<String> clean(String source) {
        try {
            var normalized = Path.of(source).normalize().toString();
            return Optional.of(normalized.isEmpty() ? "." : normalized);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
