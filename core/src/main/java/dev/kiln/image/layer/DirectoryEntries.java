package dev.kiln.image.layer;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The layer entries for a directory tree on disk: files, directories, symlinks, hardlinks (by
 * inode), devices and fifos, with their numeric owners and permission bits; sockets are skipped,
 * as tar does. Times are never read. Extended attributes are not read here (only the
 * {@code user.} namespace is visible to Java); callers that need them add them.
 */
public final class DirectoryEntries {
    private static final int TYPE_MASK = 0170000;
    private static final int SOCKET = 0140000;
    private static final int SYMLINK = 0120000;
    private static final int REGULAR = 0100000;
    private static final int BLOCK = 0060000;
    private static final int DIRECTORY = 0040000;
    private static final int CHARACTER = 0020000;
    private static final int FIFO = 0010000;

    /** All entries under {@code root} (not root itself), each passed through {@code adjust} (e.g. a --chmod). */
    public static List<LayerEntry> scan(Path root, UnaryOperator<EntryAttributes> adjust) throws IOException {
        List<LayerEntry> entries = new ArrayList<>();
        Map<Object, String> firstPathOfInode = new HashMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root)) {
                    add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                add(file);
                return FileVisitResult.CONTINUE;
            }

            private void add(Path file) throws IOException {
                LayerEntry entry = entry(root, file, adjust, firstPathOfInode);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        });
        return entries;
    }

    private static LayerEntry entry(Path root, Path file, UnaryOperator<EntryAttributes> adjust,
                                    Map<Object, String> firstPathOfInode) throws IOException {
        Map<String, Object> unix = Files.readAttributes(file, "unix:mode,uid,gid,ino,dev,nlink,rdev", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) unix.get("mode");
        String path = root.relativize(file).toString();
        EntryAttributes attributes = adjust.apply(new EntryAttributes(mode & 07777,
                ((Integer) unix.get("uid")) & 0xffffffffL, ((Integer) unix.get("gid")) & 0xffffffffL, null));
        return switch (mode & TYPE_MASK) {
            case DIRECTORY -> new LayerEntry.Directory(path, attributes);
            case SYMLINK -> new LayerEntry.Symlink(path, attributes, Files.readSymbolicLink(file).toString());
            case FIFO -> new LayerEntry.Fifo(path, attributes);
            case CHARACTER, BLOCK -> device(path, attributes, mode, (Long) unix.get("rdev"));
            case SOCKET -> null;
            case REGULAR -> {
                if ((Integer) unix.get("nlink") > 1) {
                    String first = firstPathOfInode.putIfAbsent(List.of(unix.get("dev"), unix.get("ino")), path);
                    if (first != null) {
                        yield new LayerEntry.Hardlink(path, attributes, first);
                    }
                }
                yield new LayerEntry.RegularFile(path, attributes, ContentSource.of(file));
            }
            default -> throw new LayerException("'" + file + "' has an unknown file type (mode "
                    + Integer.toOctalString(mode) + ")");
        };
    }

    /** Linux's dev_t layout: 12 bits of major and 20 of minor, split across the 64-bit value. */
    private static LayerEntry.Device device(String path, EntryAttributes attributes, int mode, long rdev) {
        int major = (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
        int minor = (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
        var kind = (mode & TYPE_MASK) == CHARACTER ? LayerEntry.DeviceKind.CHARACTER : LayerEntry.DeviceKind.BLOCK;
        return new LayerEntry.Device(path, attributes, kind, major, minor);
    }

    private DirectoryEntries() {
    }
}
