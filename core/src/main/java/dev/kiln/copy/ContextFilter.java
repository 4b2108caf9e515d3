package dev.kiln.copy;

/**
 * Which paths of the build context a {@code .dockerignore} leaves out. Excluded paths do not
 * exist for COPY/ADD (a named one is "not found" and a wildcard never matches it), nor in a
 * {@code RUN --mount} of the context.
 */
@FunctionalInterface
public interface ContextFilter {
    ContextFilter NONE = path -> false;

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
