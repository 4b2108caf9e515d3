package dev.kiln.copy;

import dev.kiln.image.layer.ContentSource;
import dev.kiln.image.layer.EntryAttributes;
import dev.kiln.image.layer.LayerEntry;
import dev.kiln.internal.paths.RootedPaths;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies one source path into the destination tree with fsutil's {@code cp -a} rules: a
 * directory's contents merge into the target, the target directory itself keeps its metadata
 * when it already exists while directories below it take the source's, hardlinked files stay
 * hardlinked, and {@code --parents}/{@code --exclude} patterns select what is copied.
 */
final class TreeCopier {
    private final SourceTree source;
    private final DestTree dest;
    private final CopyOptions options;
    private final Map<String, String> firstPathOfInode = new HashMap<>();
    private final Deque<PendingDir> pendingDirs = new ArrayDeque<>();

    private static final class PendingDir {
        final String src;
        final String dst;
        boolean copied;

        PendingDir(String src, String dst, boolean copied) {
            this.src = src;
            this.dst = dst;
            this.copied = copied;
        }
    }

    TreeCopier(SourceTree source, DestTree dest, CopyOptions options) {
        this.source = source;
        this.dest = dest;
        this.options = options;
    }

    /**
     * @param srcPath     the source path with its links already followed, known to exist
     * @param name        the name the source was given (a link keeps its own name)
     * @param destination the destination path as written (absolute; a trailing slash means "a directory")
     * @param contentsOnly copy a directory's contents rather than the directory
     */
    void copy(String srcPath, String name, String destination, boolean contentsOnly) {
        boolean intoDirectory = destination.endsWith("/");
        String clean = RootedPaths.clean(destination);
        dest.mkdirAll(dest.resolve(intoDirectory ? clean : RootedPaths.parent(clean)), options.createdDirectory());
        String target = prepareTarget(srcPath, name, dest.resolve(clean), contentsOnly);
        walk(srcPath, "", target, false);
    }

    private String prepareTarget(String srcPath, String name, String target, boolean contentsOnly) {
        boolean sourceIsDir = source.stat(srcPath).isDirectory();
        DestTree.Kind existing = dest.kindFollowing(target);
        boolean exists = existing != DestTree.Kind.MISSING;
        if ((!contentsOnly && sourceIsDir && exists) || (!sourceIsDir && existing == DestTree.Kind.DIRECTORY)) {
            target = dest.resolve(RootedPaths.join(target, name));
            exists = dest.kind(target) != DestTree.Kind.MISSING;
        }
        String parent = contentsOnly && sourceIsDir && !exists ? target : RootedPaths.parent(target);
        dest.mkdirAll(parent, options.createdDirectory());
        return target;
    }

    private void walk(String src, String relative, String target, boolean overwriteMetadata) {
        boolean include = true;
        boolean excluded = false;
        if (!relative.isEmpty()) {
            include = options.includes() == null || options.includes().excluded(relative);
            if (options.excludes() != null && options.excludes().excluded(relative)) {
                include = false;
                excluded = true;
            }
            if (!include && options.includes() == null && !options.excludes().hasExceptions()) {
                return;
            }
        }
        FileStat stat = source.stat(src);
        if (stat == null || (!include && !stat.isDirectory())) {
            return;
        }
        if (include) {
            createPendingDirs(overwriteMetadata);
        }
        if (!stat.isDirectory() && dest.kind(target) == DestTree.Kind.DIRECTORY) {
            throw new CopyException("cannot replace the directory /" + target + " with the file "
                    + source.displayName(src));
        }
        switch (stat.type()) {
            case DIRECTORY -> copyDirectory(src, relative, target, stat, overwriteMetadata, include, excluded);
            case FILE -> copyFile(src, target, stat);
            case SYMLINK -> dest.put(new LayerEntry.Symlink(target, attributes(src, stat), stat.linkTarget()));
            case CHAR_DEVICE, BLOCK_DEVICE -> dest.put(new LayerEntry.Device(target, attributes(src, stat),
                    stat.type() == FileStat.Type.CHAR_DEVICE ? LayerEntry.DeviceKind.CHARACTER : LayerEntry.DeviceKind.BLOCK,
                    stat.major(), stat.minor()));
            case FIFO -> dest.put(new LayerEntry.Fifo(target, attributes(src, stat)));
            case SOCKET -> throw new CopyException("cannot copy the socket " + source.displayName(src)
                    + ": a layer cannot hold sockets; exclude it");
        }
    }

    private void copyDirectory(String src, String relative, String target, FileStat stat, boolean overwriteMetadata,
                               boolean include, boolean excluded) {
        boolean created = false;
        if (include) {
            created = ensureDirectory(target);
        }
        pendingDirs.push(new PendingDir(src, target, include));
        try {
            boolean skipChildren = excluded && (options.excludes() == null || !options.excludes().hasExceptions());
            if (!skipChildren) {
                for (String child : source.children(src)) {
                    walk(RootedPaths.join(src, child), RootedPaths.join(relative, child), RootedPaths.join(target, child), true);
                }
            }
        } finally {
            pendingDirs.pop();
        }
        // the top-level target keeps its metadata when it already existed; directories below take the source's
        if (overwriteMetadata ? include : created) {
            dest.put(new LayerEntry.Directory(target, attributes(src, stat)));
        }
    }

    /** Directories skipped by an include pattern are made once something under them is copied. */
    private void createPendingDirs(boolean overwriteMetadata) {
        for (PendingDir dir : pendingDirs.reversed()) {
            if (dir.copied) {
                continue;
            }
            FileStat stat = source.stat(dir.src);
            if (ensureDirectory(dir.dst)) {
                dest.put(new LayerEntry.Directory(dir.dst, attributes(dir.src, stat)));
            } else if (overwriteMetadata) {
                EntryAttributes kept = dest.directoryAttributes(dir.dst);
                dest.put(new LayerEntry.Directory(dir.dst, new EntryAttributes(stat.mode(), kept.uid(), kept.gid(),
                        kept.xattrs())));
            }
            dir.copied = true;
        }
    }

    /** True when the directory had to be made; an error when something else is in the way. */
    private boolean ensureDirectory(String target) {
        return switch (dest.kind(target)) {
            case DIRECTORY -> false;
            case MISSING -> {
                dest.put(new LayerEntry.Directory(target, options.createdDirectory()));
                yield true;
            }
            case OTHER -> throw new CopyException("cannot copy a directory to /" + target
                    + ", which exists and is not a directory");
        };
    }

    private void copyFile(String src, String target, FileStat stat) {
        EntryAttributes attributes = attributes(src, stat);
        if (stat.nlink() > 1) {
            String first = firstPathOfInode.putIfAbsent(stat.dev() + ":" + stat.ino(), target);
            if (first != null && !first.equals(target)) {
                dest.put(new LayerEntry.Hardlink(target, attributes, first));
                return;
            }
        }
        try {
            dest.put(new LayerEntry.RegularFile(target, attributes, ContentSource.of(source.hostPath(src))));
        } catch (IOException e) {
            throw new CopyException("cannot read " + source.displayName(src) + ": " + e.getMessage(), e);
        }
    }

    private EntryAttributes attributes(String src, FileStat stat) {
        boolean link = stat.type() == FileStat.Type.SYMLINK;
        int mode = link ? 0777 : options.mode().apply(stat.mode(), stat.isDirectory());
        return new EntryAttributes(mode, options.uid(stat.uid()), options.gid(stat.gid()),
                FileStat.xattrs(source.hostPath(src), stat.type()));
    }
}
