package dev.kiln.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;

/** The fallback where overlayfs cannot mount: a full copy of the merged lowers, diffed after the step. */
public final class CopySnapshot implements ActiveSnapshot {
    private final Path dir;
    private final Path root;
    private final NavigableMap<String, Path> sources;
    private final NavigableMap<String, FileMeta> before;

    private CopySnapshot(Path dir, Path root, NavigableMap<String, Path> sources, NavigableMap<String, FileMeta> before) {
        this.dir = dir;
        this.root = root;
        this.sources = sources;
        this.before = before;
    }

    static CopySnapshot create(List<Path> lowersBottomFirst, Path dir) {
        Path root = dir.resolve("root");
        try {
            Files.createDirectory(root);
            NavigableMap<String, Path> sources = LowerMerge.merge(lowersBottomFirst, root);
            return new CopySnapshot(dir, root, sources, TreeDiff.capture(root));
        } catch (IOException | RuntimeException e) {
            SnapshotDirs.deleteQuietly(dir, e);
            throw SnapshotDirs.wrap("cannot copy the base layers into " + root, e);
        }
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Kind kind() {
        return Kind.COPY;
    }

    @Override
    public List<Change> changes() {
        return TreeDiff.diff(root, before, sources);
    }

    @Override
    public void close() {
        SnapshotDirs.delete(dir);
    }
}
