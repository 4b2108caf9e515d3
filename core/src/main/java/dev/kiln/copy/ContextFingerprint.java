package dev.kiln.copy;

import dev.kiln.image.Digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A digest of the build context's stat data (path, mode, size, mtime, ctime, inode of everything
 * .dockerignore lets through): while it is unchanged, so are the files, and a COPY's selection
 * digest can be reused without planning or reading anything. Files changed in the last few seconds
 * make it {@link #racy} (their next change could keep the same times), and then it is not reused.
 */
public record ContextFingerprint(Digest digest, boolean racy) {
    private static final Duration RACY = Duration.ofSeconds(3);

    public static ContextFingerprint of(Path root, ContextFilter filter) {
        var lines = new ArrayList<String>();
        var cutoff = Instant.now().minus(RACY);
        var racy = new boolean[1];
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    var relative = root.relativize(dir).toString();
                    if (!relative.isEmpty() && filter.excluded(relative) && !filter.hasExceptions()) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    add(dir, relative);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    var relative = root.relativize(file).toString();
                    if (!filter.excluded(relative)) {
                        add(file, relative);
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void add(Path path, String relative) throws IOException {
                    var a = Files.readAttributes(path, "unix:mode,size,lastModifiedTime,ctime,ino",
                            LinkOption.NOFOLLOW_LINKS);
                    var mtime = ((FileTime) a.get("lastModifiedTime")).toInstant();
                    var ctime = ((FileTime) a.get("ctime")).toInstant();
                    if (mtime.isAfter(cutoff) || ctime.isAfter(cutoff)) {
                        racy[0] = true;
                    }
                    lines.add(relative + "\t" + a.get("mode") + "\t" + a.get("size") + "\t" + mtime + "\t" + ctime
                            + "\t" + a.get("ino"));
                }
            });
        } catch (IOException e) {
            throw new CopyException("cannot read the build context " + root + ": " + e.getMessage(), e);
        }
        return new ContextFingerprint(digestOf(lines), racy[0]);
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
