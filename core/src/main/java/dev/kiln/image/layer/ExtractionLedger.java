package dev.kiln.image.layer;

import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The paths (relative to the root) the current layer has written. OCI whiteouts only hide lower
 * content: what the same layer wrote survives its own {@code .wh.} entries, whatever the order.
 */
final class ExtractionLedger {
    private final NavigableSet<String> written = new TreeSet<>();

    void record(String path) {
        written.add(path);
    }

    boolean wrote(String path) {
        return written.contains(path);
    }

    /** Whether this layer wrote {@code path} or anything below it. */
    boolean wroteAtOrBelow(String path) {
        if (path.isEmpty()) {
            return !written.isEmpty();
        }
        if (written.contains(path)) {
            return true;
        }
        String below = written.ceiling(path + "/");
        return below != null && below.startsWith(path + "/");
    }
}
