package dev.kiln.snapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the second and later names of one inode, among emitted changes, into hardlink entries. */
final class HardlinkTracker {
    private HardlinkTracker() {}

    /** {@code sorted} and {@code metas} are parallel: the change and the lstat it came from. */
    static List<Change> link(List<Change> sorted, Map<String, FileMeta> metas) {
        Map<String, String> firstNameOfInode = new HashMap<>();
        return sorted.stream().map(change -> {
            FileMeta meta = metas.get(change.path());
            if (change.type() != Change.Type.REGULAR || meta == null || meta.nlink() < 2) return change;
            String inode = meta.dev() + ":" + meta.ino();
            String first = firstNameOfInode.putIfAbsent(inode, change.path());
            if (first == null) return change;
            return new Change(change.path(), Change.Type.HARDLINK, change.mode(), change.uid(), change.gid(), 0,
                    first, 0, 0, change.xattrs(), null);
        }).toList();
    }
}
