package dev.kiln.snapshot;

import dev.kiln.internal.sys.Errno;
import dev.kiln.internal.sys.Mounts;
import dev.kiln.internal.sys.SysException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A writable root on overlayfs: the lowers read-only, every change lands in {@code upper}. */
public final class OverlaySnapshot implements ActiveSnapshot {
    private final Path dir;
    private final Path upper;
    private final Path merged;
    private boolean mounted;

    private OverlaySnapshot(Path dir) {
        this.dir = dir;
        this.upper = dir.resolve("upper");
        this.merged = dir.resolve("merged");
    }

    static OverlaySnapshot create(List<Path> lowersBottomFirst, Path dir) {
        OverlaySnapshot snapshot = new OverlaySnapshot(dir);
        try {
            snapshot.mount(lowersBottomFirst);
            return snapshot;
        } catch (IOException | RuntimeException e) {
            SnapshotDirs.deleteQuietly(dir, e);
            throw SnapshotDirs.wrap("cannot prepare an overlay root in " + dir, e);
        }
    }

    private void mount(List<Path> lowersBottomFirst) throws IOException {
        Path work = dir.resolve("work");
        for (Path p : List.of(upper, work, merged)) Files.createDirectory(p);
        List<Path> topFirst = new ArrayList<>(lowersBottomFirst);
        Collections.reverse(topFirst);
        if (topFirst.isEmpty()) topFirst.add(Files.createDirectory(dir.resolve("empty"))); // FROM scratch
        OverlayMount.mount(topFirst, upper, work, merged);
        mounted = true;
    }

    @Override
    public Path root() {
        return merged;
    }

    @Override
    public Kind kind() {
        return Kind.OVERLAY;
    }

    @Override
    public List<Change> changes() {
        return UpperDirChanges.read(upper);
    }

    @Override
    public void close() {
        if (mounted) {
            try {
                Mounts.unmount(merged, 0);
            } catch (SysException e) {
                if (e.errno() != Errno.EBUSY) throw e;
                Mounts.unmountDetached(merged); // something still holds it open; it goes when they do
            }
            mounted = false;
        }
        SnapshotDirs.delete(dir);
    }
}
