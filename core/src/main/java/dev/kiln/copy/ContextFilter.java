package dev.kiln.copy;

import dev.kiln.dockerfile.ignore.IgnorePatternException;
import dev.kiln.dockerfile.ignore.PatternMatcher;
import java.util.List;

/**
 * Which paths of the build context a {@code .dockerignore} leaves out. Excluded paths do not
 * exist for COPY/ADD (a named one is "not found" and a wildcard never matches it), nor in a
 * {@code RUN --mount} of the context.
 */
@FunctionalInterface
public interface ContextFilter {
    ContextFilter NONE = path -> false;

    /** The paths {@code matcher} excludes ({@link #NONE} when it has no patterns). */
    static ContextFilter of(PatternMatcher matcher) {
        if (matcher.isEmpty()) {
            return NONE;
        }
        return new ContextFilter() {
            @Override
            public boolean excluded(String path) {
                try {
                    return matcher.matches(path);
                } catch (IgnorePatternException e) { // a pattern whose regex only fails when used, as upstream
                    throw new CopyException(e.getMessage(), e);
                }
            }

            @Override
            public boolean hasExceptions() {
                return matcher.hasExclusions();
            }
        };
    }

    /**
     * Patterns of {@code COPY --exclude} or a {@code --parents} selection, read with the same
     * moby/patternmatcher rules as {@code .dockerignore} (BuildKit hands both to patternmatcher).
     *
     * @throws CopyException for a malformed pattern or a lone {@code !}
     */
    static ContextFilter compile(List<String> patterns) {
        try {
            return of(PatternMatcher.compile(patterns));
        } catch (IgnorePatternException e) {
            throw new CopyException(e.getMessage(), e);
        }
    }

    /**
     * @param path slash-separated and relative to the context root ({@code src/a.txt}); the
     *             filter decides whether a match of a parent directory excludes it
     */
    boolean excluded(String path);

    /**
     * True when an excluded directory may still hold paths that are not excluded ({@code !}
     * exceptions), so it must be walked rather than skipped whole.
     */
    default boolean hasExceptions() {
        return false;
    }
}
