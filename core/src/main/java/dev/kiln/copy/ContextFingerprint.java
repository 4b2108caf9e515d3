package dev.kiln.copy;

import dev.kiln.image.Digest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A digest of the build context's stat data (path, type, permissions, size, mtime, inode of
 * everything .dockerignore lets through), one lstat per entry: while it is unchanged, so are the
 * files, and a COPY's selection digest can be reused without planning or reading anything. Files
 * changed in the last few seconds make it {@link #racy} (their next change could keep the same
 * times), and then it is not reused.
 */
public record ContextFingerprint(Digest digest, boolean racy) {
    private static final Duration RACY = Duration.ofSeconds(3);

    public static ContextFingerprint of(Path root, ContextFilter filter) {
        var walk = new Walk(filter, System.currentTimeMillis() - RACY.toMillis());
        try {
            walk.directory(root, "");
        } catch (IOException e) {
            throw new CopyException("cannot read the build context " + root + ": " + e.getMessage(), e);
        }
        return new ContextFingerprint(Digest.fromHash(Digest.Algorithm.SHA256, walk.hash.digest()), walk.racy);
    }

    /**
     * Walks directories in name order and hashes one binary record per entry as it goes, plus a
     * record on entering and leaving each directory: no text formatting, no sorting of the whole
     * tree, and no relative paths unless a .dockerignore needs them, which were most of the cost on
     * a cold JVM.
     */
    private static final class Walk {
        private static final byte ENTRY = 1, DOWN = 2, UP = 3;
        private record Entry(String name, Path path, PosixFileAttributes attributes) {}

        final ContextFilter filter;
        final boolean filtering;
        final long cutoffMillis;
        final MessageDigest hash = Digest.Algorithm.SHA256.newMessageDigest();
        /** One entry's record, hashed with one update: a name is at most 255 bytes (NAME_MAX). */
        final ByteBuffer record = ByteBuffer.allocate(1024);
        boolean racy;

        Walk(ContextFilter filter, long cutoffMillis) {
            this.filter = filter;
            this.filtering = filter != ContextFilter.NONE;
            this.cutoffMillis = cutoffMillis;
        }

        /** @param relative the directory's path in the context ("" for the root); null when not filtering */
        void directory(Path dir, String relative) throws IOException {
            for (var entry : entries(dir)) {
                var attributes = entry.attributes();
                String name = filtering ? (relative.isEmpty() ? entry.name() : relative + "/" + entry.name()) : null;
                boolean excluded = filtering && filter.excluded(name);
                if (excluded && !(attributes.isDirectory() && filter.hasExceptions())) {
                    continue;
                }
                byte[] fileName = entry.name().getBytes(StandardCharsets.UTF_8);
                if (!excluded) {
                    add(fileName, attributes);
                }
                if (attributes.isDirectory()) {
                    hash.update(DOWN);
                    hash.update(fileName);
                    directory(entry.path(), name);
                    hash.update(UP);
                }
            }
        }

        /** The directory's entries in name order, each with its lstat. */
        private static List<Entry> entries(Path dir) throws IOException {
            String[] names = dir.toFile().list(); // one native call per directory, not a Path object per entry
            if (names != null) {
                try {
                    Arrays.sort(names);
                    var entries = new ArrayList<Entry>(names.length);
                    for (var name : names) {
                        var path = dir.resolve(name);
                        entries.add(new Entry(name, path, lstat(path)));
                    }
                    return entries;
                } catch (NoSuchFileException | InvalidPathException e) {
                    // a name the platform charset cannot carry back (LANG=C and UTF-8 names), or one just deleted
                }
            }
            var entries = new ArrayList<Entry>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (var path : stream) {
                    entries.add(new Entry(path.getFileName().toString(), path, lstat(path)));
                }
            }
            entries.sort(Comparator.comparing(Entry::name));
            return entries;
        }

        private static PosixFileAttributes lstat(Path path) throws IOException {
            return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }

        private void add(byte[] fileName, PosixFileAttributes a) {
            long mtimeNanos = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            if (mtimeNanos / 1_000_000 > cutoffMillis) {
                racy = true;
            }
            record.clear();
            record.put(ENTRY).put(fileName).put((byte) 0)
                    .put((byte) (a.isDirectory() ? 'd' : a.isSymbolicLink() ? 'l' : a.isRegularFile() ? 'f' : 'o'))
                    .putInt(permissionBits(a))
                    .putLong(a.size())
                    .putLong(mtimeNanos)
                    .putInt(a.fileKey().hashCode()); // device and inode: a file replaced by another
            hash.update(record.array(), 0, record.position());
        }

        private static int permissionBits(PosixFileAttributes a) {
            int bits = 0;
            for (PosixFilePermission permission : a.permissions()) {
                bits |= 1 << permission.ordinal();
            }
            return bits;
        }
    }
}
