package dev.kiln.snapshot;

import java.nio.file.Path;
import java.util.List;

/**
 * A writable root filesystem prepared for one step. Close it when the step is over, whether it succeeded
 * or not: it unmounts and deletes everything it created.
 */
public sealed interface ActiveSnapshot extends AutoCloseable permits OverlaySnapshot, CopySnapshot {

    enum Kind { OVERLAY, COPY }

    /** The directory to run the step in (the container's "/"). */
    Path root();

    Kind kind();

    /** What the step changed, sorted in {@link Change#ORDER}; content paths stay readable until close. */
    List<Change> changes();

    @Override
    void close();
}
