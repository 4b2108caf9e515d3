package dev.kiln.solve;

import dev.kiln.snapshot.Snapshotter;
import org.junit.jupiter.api.Nested;

/**
 * Every RUN test of {@link SolverTest} again on the fallback paths: the copy-and-diff snapshotter
 * instead of overlayfs, and chroot isolation instead of runc — slower, the same results.
 */
class SolverFallbackTest {
    @Nested
    class CopySnapshotter extends SolverTest {
        {
            strategy = Snapshotter.Strategy.COPY;
        }
    }

    @Nested
    class ChrootIsolation extends SolverTest {
        {
            runtime = "chroot";
        }
    }

    @Nested
    class CopyAndChroot extends SolverTest {
        {
            strategy = Snapshotter.Strategy.COPY;
            runtime = "chroot";
        }
    }
}
