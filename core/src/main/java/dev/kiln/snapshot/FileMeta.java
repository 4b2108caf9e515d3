package dev.kiln.snapshot;

import dev.kiln.internal.sys.FileNodes;
import dev.kiln.internal.sys.Xattrs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

/** lstat of one path plus its symlink target and xattrs (overlayfs' private ones left out). */
record FileMeta(Change.Type type, int mode, int uid, int gid, long size, long rdev, long dev, long ino,
                int nlink, FileTime ctime, FileTime birth, String linkTarget, List<Xattr> xattrs) {

    static final String OVERLAY_XATTR_PREFIX = "trusted.overlay.";
    private static final int S_IFMT = 0170000;

    static FileMeta read(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path,
                    "unix:mode,uid,gid,size,rdev,dev,ino,nlink,ctime,creationTime", LinkOption.NOFOLLOW_LINKS);
            int rawMode = (int) a.get("mode");
            Change.Type type = typeOf(rawMode & S_IFMT, path);
            String target = type == Change.Type.SYMLINK ? Files.readSymbolicLink(path).toString() : null;
            long size = type == Change.Type.REGULAR ? (long) a.get("size") : 0;
            return new FileMeta(type, rawMode & 07777, (int) a.get("uid"), (int) a.get("gid"), size,
                    (long) a.get("rdev"), (long) a.get("dev"), (long) a.get("ino"), (int) a.get("nlink"),
                    (FileTime) a.get("ctime"), (FileTime) a.get("creationTime"), target, type == Change.Type.SYMLINK ? List.of() : xattrsOf(path));
        } catch (IOException e) {
            throw new SnapshotException("cannot read the attributes of " + path + ": " + e.getMessage(), e);
        }
    }

    /** An overlayfs whiteout: a character device 0/0. */
    boolean isOverlayWhiteout() {
        return type == Change.Type.CHAR_DEVICE && rdev == 0;
    }

    /** Metadata a layer records, ignoring which inode or device holds it. */
    boolean sameRecordedMetadata(FileMeta o) {
        return type == o.type && mode == o.mode && uid == o.uid && gid == o.gid && size == o.size
                && rdev == o.rdev && java.util.Objects.equals(linkTarget, o.linkTarget) && xattrs.equals(o.xattrs);
    }

    Change toChange(String relPath, Path location) {
        boolean device = type == Change.Type.CHAR_DEVICE || type == Change.Type.BLOCK_DEVICE;
        return new Change(relPath, type, mode, uid, gid, size, linkTarget,
                device ? FileNodes.major(rdev) : 0, device ? FileNodes.minor(rdev) : 0, xattrs,
                type == Change.Type.REGULAR ? location : null);
    }

    static boolean isOpaqueDir(Path dir) {
        return Xattrs.get(dir, OVERLAY_XATTR_PREFIX + "opaque")
                .map(v -> new String(v, StandardCharsets.UTF_8).equals("y")).orElse(false);
    }

    private static List<Xattr> xattrsOf(Path path) {
        return Xattrs.list(path).stream()
                .filter(name -> !name.startsWith(OVERLAY_XATTR_PREFIX))
                .sorted()
                .flatMap(name -> Xattrs.get(path, name).map(v -> new Xattr(name, v)).stream())
                .toList();
    }

    private static Change.Type typeOf(int format, Path path) {
        return switch (format) {
            case 0100000 -> Change.Type.REGULAR;
            case 0040000 -> Change.Type.DIRECTORY;
            case 0120000 -> Change.Type.SYMLINK;
            case 0020000 -> Change.Type.CHAR_DEVICE;
            case 0060000 -> Change.Type.BLOCK_DEVICE;
            case 0010000 -> Change.Type.FIFO;
            default -> throw new SnapshotException("cannot put " + path
                    + " in a layer: sockets and other special files have no tar form; remove it in the step");
        };
    }
}
