package dev.kiln.snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads an overlayfs upper directory as a change set, converting overlay whiteouts to OCI ones. */
final class UpperDirChanges {
    private UpperDirChanges() {}

    static List<Change> read(Path upper) {
        List<Change> changes = new ArrayList<>();
        Map<String, FileMeta> metas = new HashMap<>();
        TreeWalk.walk(upper, (rel, path, meta) -> {
            if (meta.isOverlayWhiteout()) {
                changes.add(Change.whiteout(rel));
                return false;
            }
            changes.add(meta.toChange(rel, path));
            metas.put(rel, meta);
            if (meta.type() == Change.Type.DIRECTORY && FileMeta.isOpaqueDir(path)) {
                changes.add(Change.opaque(rel));
            }
            return true;
        });
        changes.sort(Change.ORDER);
        return HardlinkTracker.link(changes, metas);
    }
}
