package dev.kiln.solve.mount;

import dev.kiln.plan.StepSource;

/** Opens the final root filesystem of a stage or an image for {@code RUN --mount=from=}. */
@FunctionalInterface
public interface SourceRoots {
    /** A writable throwaway view: writes to it are discarded when it is closed. */
    SourceRoot open(StepSource source);
}
