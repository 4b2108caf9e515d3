package dev.kiln.solve.mount;

/**
 * Which build-context paths a step may see ({@code .dockerignore}); paths are relative to the context
 * root, '/'-separated. A seam for {@code dev.kiln.dockerfile.ignore}.
 */
@FunctionalInterface
public interface ContextFilter {
    ContextFilter NONE = path -> false;

    boolean excluded(String relativePath);
}
