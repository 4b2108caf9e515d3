package dev.kiln.copy;

import dev.kiln.image.Digest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
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
     * Walks directories in name order and hashes one binary record per entry as it goes: no text
     * formatting and no sorting of the whole tree, which were most of the cost on a cold JVM.
     */
    private static final class Walk {
        final ContextFilter filter;
        final long cutoffMillis;
        final MessageDigest hash = Digest.Algorithm.SHA256.newMessageDigest();
        final ByteBuffer record = ByteBuffer.allocate(64);
        boolean racy;

        Walk(ContextFilter filter, long cutoffMillis) {
            this.filter = filter;
            this.cutoffMillis = cutoffMillis;
        }

        void directory(Path dir, String relative) throws IOException {
            var names = new ArrayList<String>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (var entry : entries) {
                    names.add(entry.getFileName().toString());
                }
            }
            names.sort(null);
            for (var fileName : names) {
                var entry = dir.resolve(fileName);
                var name = relative.isEmpty() ? fileName : relative + "/" + fileName;
                var attributes = Files.readAttributes(entry, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                boolean excluded = filter.excluded(name);
                if (excluded && !(attributes.isDirectory() && filter.hasExceptions())) {
                    continue;
                }
                if (!excluded) {
                    add(name, attributes);
                }
                if (attributes.isDirectory()) {
                    directory(entry, name);
                }
            }
        }

        private void add(String name, PosixFileAttributes a) {
            long mtimeNanos = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            if (mtimeNanos / 1_000_000 > cutoffMillis) {
                racy = true;
            }
            hash.update(name.getBytes(StandardCharsets.UTF_8));
            record.clear();
            record.put((byte) 0)
                    .put((byte) (a.isDirectory() ? 'd' : a.isSymbolicLink() ? 'l' : a.isRegularFile() ? 'f' : 'o'))
                    .putInt(permissionBits(a))
                    .putLong(a.size())
                    .putLong(mtimeNanos);
            hash.update(record.array(), 0, record.position());
            hash.update(String.valueOf(a.fileKey()).getBytes(StandardCharsets.UTF_8));
            hash.update((byte) '\n');
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
