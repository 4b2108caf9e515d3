package dev.kiln.copy;

import dev.kiln.image.layer.EntryAttributes;
import dev.kiln.image.layer.LayerEntry;
import dev.kiln.internal.paths.RootedPathException;
import dev.kiln.internal.paths.RootedPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The destination as the copy sees it: the stage's root before the step, overlaid with the
 * entries planned so far. Paths are clean and relative to the root.
 */
final class DestTree {
    enum Kind { MISSING, DIRECTORY, OTHER }

    private final Path root;
    private final Map<String, LayerEntry> planned = new TreeMap<>();

    /** @param root the existing root, or null when the destination starts empty */
    DestTree(Path root) {
        this.root = root;
    }

    static DestTree of(Destination destination) {
        return new DestTree(destination.existingContentsVisible() ? destination.root() : null);
    }

    /** Follows symlinks (planned or existing) inside the root, as BuildKit resolves a destination. */
    String resolve(String path) {
        try {
            return RootedPaths.resolve(path, this::linkTarget, RootedPaths.Escape.CLAMP);
        } catch (RootedPathException e) {
            throw new CopyException(e.getMessage(), e);
        }
    }

    Kind kind(String path) {
        if (path.isEmpty()) {
            return Kind.DIRECTORY;
        }
        LayerEntry entry = planned.get(path);
        if (entry != null) {
            return entry instanceof LayerEntry.Directory ? Kind.DIRECTORY : Kind.OTHER;
        }
        FileStat stat = existing(path);
        if (stat == null) {
            return Kind.MISSING;
        }
        return stat.isDirectory() ? Kind.DIRECTORY : Kind.OTHER;
    }

    /** Like {@link #kind} but through a final symlink (os.Stat). */
    Kind kindFollowing(String path) {
        return kind(resolve(path));
    }

    void put(LayerEntry entry) {
        planned.put(entry.path(), entry);
    }

    /** The attributes of a directory that is there (planned or existing). */
    EntryAttributes directoryAttributes(String path) {
        if (planned.get(path) instanceof LayerEntry.Directory d) {
            return d.attributes();
        }
        Path host = root.resolve(path);
        FileStat stat = FileStat.read(host);
        return new EntryAttributes(stat.mode(), stat.uid(), stat.gid(), FileStat.xattrs(host, stat.type()));
    }

    /** {@code mkdir -p} of a resolved path: missing directories get {@code attributes}. */
    void mkdirAll(String path, EntryAttributes attributes) {
        List<String> chain = new ArrayList<>(RootedPaths.ancestors(path));
        if (!path.isEmpty()) {
            chain.add(path);
        }
        for (String dir : chain) {
            switch (kindFollowing(dir)) {
                case DIRECTORY -> { }
                case MISSING -> put(new LayerEntry.Directory(dir, attributes));
                case OTHER -> throw new CopyException("cannot create directory /" + dir
                        + ": /" + dir + " exists and is not a directory");
            }
        }
    }

    /**
     * The planned entries, plus each existing directory that holds one of them with its
     * existing attributes, so the layer leaves those directories as they are.
     */
    List<LayerEntry> entries() {
        Map<String, LayerEntry> out = new TreeMap<>(planned);
        for (String path : planned.keySet()) {
            for (String parent : RootedPaths.ancestors(path)) {
                FileStat stat = out.containsKey(parent) ? null : existing(parent);
                if (stat != null && stat.isDirectory()) {
                    out.put(parent, new LayerEntry.Directory(parent, directoryAttributes(parent)));
                }
            }
        }
        return List.copyOf(out.values());
    }

    private FileStat existing(String path) {
        if (root == null || underPlannedNonDirectory(path)) {
            return null;
        }
        return FileStat.read(root.resolve(path));
    }

    /** A path under a planned file or symlink no longer exists on disk, as far as the layer is concerned. */
    private boolean underPlannedNonDirectory(String path) {
        for (String parent : RootedPaths.ancestors(path)) {
            LayerEntry e = planned.get(parent);
            if (e != null && !(e instanceof LayerEntry.Directory)) {
                return true;
            }
        }
        return false;
    }

    private String linkTarget(String path) {
        LayerEntry entry = planned.get(path);
        if (entry != null) {
            return entry instanceof LayerEntry.Symlink s ? s.target() : null;
        }
        FileStat stat = existing(path);
        return stat != null && stat.type() == FileStat.Type.SYMLINK ? stat.linkTarget() : null;
    }
}
