package dev.kiln.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Copies a stack of overlay-format layers into one plain directory, as overlayfs would show them merged,
 * and remembers which layer file each regular file came from (the diff compares against it later).
 */
final class LowerMerge {
    private final Path root;
    /** Relative path → the lower file it was copied from; sorted so a deleted subtree is one range. */
    private final NavigableMap<String, Path> sources = new TreeMap<>();

    private LowerMerge(Path root) {
        this.root = root;
    }

    /** {@code lowers} bottom-most first; returns the source of every regular file in {@code root}. */
    static NavigableMap<String, Path> merge(List<Path> lowers, Path root) {
        LowerMerge merge = new LowerMerge(root);
        for (Path lower : lowers) merge.apply(lower);
        return merge.sources;
    }

    private void apply(Path layer) {
        Map<String, Path> firstNameOfInode = new HashMap<>();
        TreeWalk.walk(layer, (rel, src, meta) -> {
            try {
                return applyEntry(rel, src, meta, firstNameOfInode);
            } catch (IOException e) {
                throw new SnapshotException("cannot copy " + src + " into the step's root: " + e.getMessage(), e);
            }
        });
    }

    private boolean applyEntry(String rel, Path src, FileMeta meta, Map<String, Path> firstNameOfInode)
            throws IOException {
        Path dst = root.resolve(rel);
        if (meta.isOverlayWhiteout()) {
            remove(rel, dst);
            return false;
        }
        if (meta.type() == Change.Type.DIRECTORY) {
            boolean isDir = Files.isDirectory(dst, LinkOption.NOFOLLOW_LINKS);
            if (!isDir || FileMeta.isOpaqueDir(src)) remove(rel, dst);
            if (Files.isDirectory(dst, LinkOption.NOFOLLOW_LINKS)) TreeOps.applyMetadata(dst, meta);
            else TreeOps.copyEntry(src, meta, dst);
            return true;
        }
        remove(rel, dst);
        Path sameInode = meta.nlink() > 1 ? firstNameOfInode.putIfAbsent(meta.dev() + ":" + meta.ino(), dst) : null;
        if (sameInode != null) Files.createLink(dst, sameInode);
        else TreeOps.copyEntry(src, meta, dst);
        if (meta.type() == Change.Type.REGULAR) sources.put(rel, src);
        return false;
    }

    private void remove(String rel, Path dst) throws IOException {
        TreeOps.deleteTree(dst);
        sources.remove(rel);
        sources.subMap(rel + "/", true, rel + "0", false).clear(); // '0' is the char after '/'
    }
}
