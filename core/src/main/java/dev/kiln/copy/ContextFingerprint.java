package dev.kiln.copy;

import dev.kiln.image.Digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicBoolean;

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
        var walk = new Walk(filter, Instant.now().minus(RACY));
        try {
            ForkJoinPool.commonPool().invoke(walk.directory(root, ""));
        } catch (UncheckedIOException e) {
            throw new CopyException("cannot read the build context " + root + ": " + e.getCause().getMessage(), e);
        }
        return new ContextFingerprint(digestOf(new ArrayList<>(walk.lines)), walk.racy.get());
    }

    /** Lists directories on all cores: a context of many folders is mostly lstat calls. */
    private static final class Walk {
        final ContextFilter filter;
        final Instant cutoff;
        final Queue<String> lines = new ConcurrentLinkedQueue<>();
        final AtomicBoolean racy = new AtomicBoolean();

        Walk(ContextFilter filter, Instant cutoff) {
            this.filter = filter;
            this.cutoff = cutoff;
        }

        RecursiveAction directory(Path dir, String relative) {
            return new RecursiveAction() {
                @Override
                protected void compute() {
                    var subdirectories = new ArrayList<RecursiveAction>();
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                        for (var entry : entries) {
                            var name = relative.isEmpty() ? entry.getFileName().toString()
                                    : relative + "/" + entry.getFileName();
                            var a = Files.readAttributes(entry, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                            boolean excluded = filter.excluded(name);
                            if (excluded && !(a.isDirectory() && filter.hasExceptions())) {
                                continue;
                            }
                            if (!excluded) {
                                add(name, a);
                            }
                            if (a.isDirectory()) {
                                subdirectories.add(directory(entry, name));
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    invokeAll(subdirectories);
                }
            };
        }

        private void add(String name, PosixFileAttributes a) {
            var mtime = a.lastModifiedTime().toInstant();
            if (mtime.isAfter(cutoff)) {
                racy.set(true);
            }
            var type = a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : a.isRegularFile() ? "f" : "o";
            lines.add(name + "\t" + type + PosixFilePermissions.toString(a.permissions()) + "\t" + a.size() + "\t"
                    + mtime + "\t" + a.fileKey());
        }
    }

    private static Digest digestOf(List<String> lines) {
        lines.sort(null);
        MessageDigest hash = Digest.Algorithm.SHA256.newMessageDigest();
        for (var line : lines) {
            hash.update(line.getBytes(StandardCharsets.UTF_8));
            hash.update((byte) '\n');
        }
        return Digest.fromHash(Digest.Algorithm.SHA256, hash.digest());
    }
}
