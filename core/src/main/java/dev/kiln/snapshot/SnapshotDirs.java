package dev.kiln.snapshot;

import dev.kiln.KilnException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The per-snapshot temp directory: created under the given root, deleted whole. */
final class SnapshotDirs {
    private SnapshotDirs() {}

    static Path create(Path tmpRoot) {
        try {
            Files.createDirectories(tmpRoot);
            var dir = Files.createTempDirectory(tmpRoot, "snapshot-");
            StaleSnapshots.markOwned(dir);
            return dir;
        } catch (IOException e) {
            throw new SnapshotException("cannot create a snapshot directory under " + tmpRoot + ": "
                    + e.getMessage() + "; check that it is writable", e);
        }
    }

    static void delete(Path dir) {
        try {
            TreeOps.deleteTree(dir);
        } catch (IOException e) {
            throw new SnapshotException("cannot delete the snapshot directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Cleanup after another failure: a second error is attached to the first instead of hiding it. */
    static void deleteQuietly(Path dir, Exception primary) {
        try {
            delete(dir);
        } catch (RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    static KilnException wrap(String what, Exception e) {
        if (e instanceof KilnException k) return k;
        return new SnapshotException(what + ": " + e.getMessage(), e);
    }
}
