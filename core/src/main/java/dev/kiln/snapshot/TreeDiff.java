package dev.kiln.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The change set of a copied root against the state it was copied in, shaped like an overlayfs upper
 * directory would give it: changed entries with all their parent directories, a whiteout for the top of
 * each deleted subtree, and an opaque marker on every directory that was removed and made anew.
 */
final class TreeDiff {
    private final Path root;
    private final NavigableMap<String, FileMeta> before;
    private final Map<String, Path> sources;
    private final Map<String, Change> changes = new TreeMap<>(Change.PATH_ORDER);
    private final Map<String, FileMeta> metas = new HashMap<>();
    private final Set<String> present = new HashSet<>();
    /** Paths whose old subtree is gone as a whole (replaced or recreated): no whiteouts below them. */
    private final Set<String> replaced = new HashSet<>();
    private final boolean birthTimes;

    private TreeDiff(Path root, NavigableMap<String, FileMeta> before, Map<String, Path> sources) {
        this.root = root;
        this.birthTimes = hasBirthTimes(root.getParent());
        this.before = before;
        this.sources = sources;
    }

    /** The state to diff against later: every entry's metadata, including inode and ctime. */
    static NavigableMap<String, FileMeta> capture(Path root) {
        NavigableMap<String, FileMeta> state = new TreeMap<>(Change.PATH_ORDER);
        TreeWalk.walk(root, (rel, path, meta) -> {
            state.put(rel, meta);
            return true;
        });
        return state;
    }

    static List<Change> diff(Path root, NavigableMap<String, FileMeta> before, Map<String, Path> sources) {
        return new TreeDiff(root, before, sources).compute();
    }

    private List<Change> compute() {
        TreeWalk.walk(root, this::visit);
        before.keySet().stream().filter(this::isTopOfDeletion).forEach(rel -> add(Change.whiteout(rel), null));
        List.copyOf(changes.keySet()).forEach(this::addParents);
        return HardlinkTracker.link(new ArrayList<>(changes.values()), metas);
    }

    private boolean visit(String rel, Path path, FileMeta now) {
        present.add(rel);
        FileMeta old = before.get(rel);
        if (old == null) {
            add(now.toChange(rel, path), now);
        } else if (old.type() != now.type() || isRecreatedDir(old, now)) {
            replaced.add(rel);
            add(now.toChange(rel, path), now);
            if (now.type() == Change.Type.DIRECTORY) add(Change.opaque(rel), null);
        } else if (isModified(rel, path, old, now)) {
            add(now.toChange(rel, path), now);
        }
        return true;
    }

    /** Inode numbers are reused at once (ext4), so the birth time (statx) tells a new directory apart too. */
    private boolean isRecreatedDir(FileMeta old, FileMeta now) {
        if (now.type() != Change.Type.DIRECTORY) return false;
        return old.ino() != now.ino() || (birthTimes && !old.birth().equals(now.birth()));
    }

    /**
     * Whether the filesystem under {@code dir} records birth times: without them the JDK reports the
     * modification time instead, which a probe directory with a reset mtime reveals.
     */
    static boolean hasBirthTimes(Path dir) {
        try {
            Path probe = Files.createTempDirectory(dir, ".birth-probe");
            try {
                FileTime before = (FileTime) Files.getAttribute(probe, "basic:creationTime");
                Files.setLastModifiedTime(probe, FileTime.fromMillis(0));
                return before.equals(Files.getAttribute(probe, "basic:creationTime"));
            } finally {
                Files.delete(probe);
            }
        } catch (IOException e) {
            return false;
        }
    }

    private boolean isModified(String rel, Path path, FileMeta old, FileMeta now) {
        if (old.ino() == now.ino() && old.ctime().equals(now.ctime())) return false; // untouched since the copy
        if (!old.sameRecordedMetadata(now)) return true;
        return now.type() == Change.Type.REGULAR && !sameContent(sources.get(rel), path);
    }

    private static boolean sameContent(Path source, Path now) {
        try {
            return source != null && Files.mismatch(source, now) == -1;
        } catch (IOException e) {
            throw new SnapshotException("cannot compare " + now + " with " + source + ": " + e.getMessage(), e);
        }
    }

    private boolean isTopOfDeletion(String rel) {
        if (present.contains(rel)) return false;
        for (String p = Change.parentOf(rel); !p.isEmpty(); p = Change.parentOf(p)) {
            if (!present.contains(p) || replaced.contains(p)) return false;
        }
        return true;
    }

    private void addParents(String rel) {
        for (String p = Change.parentOf(rel); !p.isEmpty() && !changes.containsKey(p); p = Change.parentOf(p)) {
            Path path = root.resolve(p);
            FileMeta meta = FileMeta.read(path);
            add(meta.toChange(p, path), meta);
        }
    }

    private void add(Change change, FileMeta meta) {
        changes.put(change.path(), change);
        if (meta != null) metas.put(change.path(), meta);
    }
}
