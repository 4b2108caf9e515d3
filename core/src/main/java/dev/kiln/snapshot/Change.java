package dev.kiln.snapshot;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a step's change set, ready for a layer writer: what the tar entry at {@link #path} holds.
 *
 * <p>{@code path} is relative to the root, '/'-separated, without a leading "./" or "/". Deletions are
 * already in OCI form: a {@link Type#WHITEOUT} at {@code dir/.wh.name} and an {@link Type#OPAQUE} marker at
 * {@code dir/.wh..wh..opq} (both written as empty regular files). {@code linkTarget} is the symlink text
 * or, for a {@link Type#HARDLINK}, the path of the entry it links to. {@code content} is where a regular
 * file's bytes can be read while the snapshot is still open, and null for every other type.
 */
public record Change(String path, Type type, int mode, int uid, int gid, long size, String linkTarget,
                     int devMajor, int devMinor, List<Xattr> xattrs, Path content) {

    public enum Type { REGULAR, DIRECTORY, SYMLINK, HARDLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO, WHITEOUT, OPAQUE }

    public static final String WHITEOUT_PREFIX = ".wh.";
    public static final String OPAQUE_NAME = ".wh..wh..opq";

    /** Tar order: a directory before its children, siblings by name ('/' sorts before every other char). */
    public static final Comparator<String> PATH_ORDER = Change::comparePaths;
    public static final Comparator<Change> ORDER = Comparator.comparing(Change::path, PATH_ORDER);

    public Change {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        xattrs = List.copyOf(xattrs);
    }

    public static Change whiteout(String deletedPath) {
        return marker(siblingPath(deletedPath, WHITEOUT_PREFIX + nameOf(deletedPath)), Type.WHITEOUT);
    }

    public static Change opaque(String directory) {
        return marker(directory + "/" + OPAQUE_NAME, Type.OPAQUE);
    }

    /** The same change without its content location: what two snapshots of the same step agree on. */
    public Change withoutContent() {
        return new Change(path, type, mode, uid, gid, size, linkTarget, devMajor, devMinor, xattrs, null);
    }

    private static Change marker(String path, Type type) {
        return new Change(path, type, 0, 0, 0, 0, null, 0, 0, List.of(), null);
    }

    static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String siblingPath(String path, String name) {
        String parent = parentOf(path);
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    private static int comparePaths(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i), y = b.charAt(i);
            if (x != y) return (x == '/' ? 0 : x + 1) - (y == '/' ? 0 : y + 1);
        }
        return a.length() - b.length();
    }
}
