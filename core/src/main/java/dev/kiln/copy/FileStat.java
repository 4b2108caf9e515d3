package dev.kiln.copy;

import dev.kiln.internal.sys.FileNodes;
import dev.kiln.internal.sys.Xattrs;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** lstat of one path: what a layer entry needs from it. */
record FileStat(Type type, int mode, long uid, long gid, long size, long dev, long ino, int nlink,
                long rdev, String linkTarget) {

    enum Type { FILE, DIRECTORY, SYMLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO, SOCKET }

    /** The stat, or null when nothing is there. */
    static FileStat read(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,size,dev,ino,nlink,rdev",
                    LinkOption.NOFOLLOW_LINKS); // not unix:*, which resolves owner names (an NSS lookup per file)
            int raw = (int) a.get("mode");
            Type type = typeOf(raw & 0170000);
            String target = type == Type.SYMLINK ? Files.readSymbolicLink(path).toString() : null;
            return new FileStat(type, raw & 07777, (int) a.get("uid") & 0xffffffffL, (int) a.get("gid") & 0xffffffffL,
                    (long) a.get("size"), (long) a.get("dev"), (long) a.get("ino"), (int) a.get("nlink"),
                    (long) a.get("rdev"), target);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (e instanceof FileSystemException fse && "Not a directory".equals(fse.getReason())) {
                return null; // a path under a file: nothing is there
            }
            throw new CopyException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    int major() {
        return FileNodes.major(rdev);
    }

    int minor() {
        return FileNodes.minor(rdev);
    }

    /** Extended attributes worth carrying into a layer (the host's SELinux label and overlayfs' own are not). */
    static SortedMap<String, byte[]> xattrs(Path path, Type type) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        if (type == Type.SYMLINK) {
            return out;
        }
        for (String name : Xattrs.list(path)) {
            if (name.equals("security.selinux") || name.startsWith("trusted.overlay.")) {
                continue;
            }
            Xattrs.get(path, name).ifPresent(value -> out.put(name, value));
        }
        return out;
    }

    private static Type typeOf(int format) {
        return switch (format) {
            case 0040000 -> Type.DIRECTORY;
            case 0120000 -> Type.SYMLINK;
            case 0020000 -> Type.CHAR_DEVICE;
            case 0060000 -> Type.BLOCK_DEVICE;
            case 0010000 -> Type.FIFO;
            case 0140000 -> Type.SOCKET;
            default -> Type.FILE;
        };
    }
}
