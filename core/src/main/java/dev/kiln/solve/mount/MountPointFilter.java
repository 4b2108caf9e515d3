package dev.kiln.solve.mount;

import dev.kiln.internal.paths.RootedPaths;
import dev.kiln.snapshot.Change;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps mounts out of the layer: nothing at or under a mount target, and no directory on the way to a
 * target whose only change is that a mount point was made (and removed) in it. Directories are compared
 * by mode and owner as they were before the step; times never reach a layer.
 */
final class MountPointFilter {
    private final Set<String> targets;
    private final Map<String, List<Integer>> ancestorsBefore;

    private MountPointFilter(Set<String> targets, Map<String, List<Integer>> ancestorsBefore) {
        this.targets = targets;
        this.ancestorsBefore = ancestorsBefore;
    }

    /** Records the directories leading to each target (container paths, absolute) before the step runs. */
    static MountPointFilter before(Path rootfs, List<String> targets) {
        var relative = new TreeSet<String>();
        var ancestors = new HashMap<String, List<Integer>>();
        for (var target : targets) {
            var rel = RootedPaths.clean(target);
            relative.add(rel);
            for (int slash = rel.indexOf('/'); slash > 0; slash = rel.indexOf('/', slash + 1)) {
                var dir = rel.substring(0, slash);
                ownerAndMode(RootedPaths.onHost(rootfs, "/" + dir)).ifPresent(m -> ancestors.put(dir, m));
            }
        }
        return new MountPointFilter(relative, ancestors);
    }

    List<Change> filter(List<Change> changes) {
        var kept = new ArrayList<Change>();
        for (var change : changes) {
            if (!underTarget(change.path())) kept.add(change);
        }
        // deepest first, so a parent sees whether its children were dropped
        for (int i = kept.size() - 1; i >= 0; i--) {
            var change = kept.get(i);
            if (untouchedAncestor(change) && !hasChildIn(kept, i)) kept.remove(i);
        }
        return kept;
    }

    private boolean underTarget(String path) {
        for (var target : targets) {
            if (path.equals(target) || path.startsWith(target + "/")) return true;
            // the OCI marker of a deleted mount point sits beside it: dir/.wh.name
            if (path.equals(whiteoutOf(target))) return true;
        }
        return false;
    }

    private boolean untouchedAncestor(Change change) {
        var before = ancestorsBefore.get(change.path());
        return change.type() == Change.Type.DIRECTORY && before != null
                && before.equals(List.of(change.mode() & 07777, change.uid(), change.gid()))
                && change.xattrs().isEmpty();
    }

    private static boolean hasChildIn(List<Change> sorted, int index) {
        var prefix = sorted.get(index).path() + "/";
        return index + 1 < sorted.size() && sorted.get(index + 1).path().startsWith(prefix);
    }

    private static String whiteoutOf(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + Change.WHITEOUT_PREFIX + path.substring(slash + 1);
    }

    private static java.util.Optional<List<Integer>> ownerAndMode(Path dir) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return java.util.Optional.empty();
            var attributes = Files.readAttributes(dir, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
            return java.util.Optional.of(List.of((Integer) attributes.get("mode") & 07777,
                    (Integer) attributes.get("uid"), (Integer) attributes.get("gid")));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
