package dev.kiln.copy;

import dev.kiln.image.layer.ContentSource;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * File digests remembered by their stat (path, size, mtime, ctime, inode), kept in one file per
 * build context, so a rebuild reads no unchanged file's content. A file changed in the last few
 * seconds is hashed but not remembered (its next change could land in the same timestamp tick).
 */
public final class StatCache implements ContentDigests {
    private static final Duration RACY = Duration.ofSeconds(3);

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean changed;
    private volatile boolean loaded;

    private record Stat(long size, long mtimeNanos, long ctimeNanos, long inode) {}

    private record Entry(Stat stat, String sha256) {}

    private StatCache(Path file) {
        this.file = file;
    }

    /**
     * The cache kept in {@code file}, read on first use (a build whose copies are all remembered never
     * reads it); a missing or unreadable file starts empty.
     */
    public static StatCache load(Path file) {
        return new StatCache(file);
    }

    private synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (Files.isRegularFile(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    read(line);
                }
            } catch (IOException | RuntimeException e) {
                entries.clear();
            }
        }
    }

    @Override
    public String sha256(ContentSource content) {
        var path = content.file();
        if (path.isEmpty()) {
            return ContentHash.of(content);
        }
        ensureLoaded();
        var key = path.get().toAbsolutePath().toString();
        var stat = stat(path.get());
        var known = entries.get(key);
        if (stat != null && known != null && known.stat().equals(stat)) {
            return known.sha256();
        }
        var sha256 = ContentHash.of(content);
        if (stat != null && !isRacy(stat)) {
            entries.put(key, new Entry(stat, sha256));
            changed = true;
        }
        return sha256;
    }

    /** Writes the cache back (temp file, then rename) if anything was added. */
    public void save() {
        if (!changed) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            var temp = file.resolveSibling(".tmp-" + UUID.randomUUID());
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                for (var e : entries.entrySet()) {
                    var s = e.getValue().stat();
                    out.write(s.size() + "\t" + s.mtimeNanos() + "\t" + s.ctimeNanos() + "\t" + s.inode() + "\t"
                            + e.getValue().sha256() + "\t" + e.getKey() + "\n");
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(temp);
            }
            changed = false;
        } catch (IOException e) {
            // the next build only hashes those files again
        }
    }

    private void read(String line) {
        var f = line.split("\t", 6);
        if (f.length == 6) {
            entries.put(f[5], new Entry(new Stat(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3])), f[4]));
        }
    }

    private static Stat stat(Path path) {
        try {
            var a = Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,ino", LinkOption.NOFOLLOW_LINKS);
            return new Stat((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                    nanos((FileTime) a.get("ctime")), (Long) a.get("ino"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static long nanos(FileTime time) {
        var instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static boolean isRacy(Stat stat) {
        var now = Instant.now();
        long cutoff = now.minus(RACY).getEpochSecond() * 1_000_000_000L;
        return stat.mtimeNanos() > cutoff || stat.ctimeNanos() > cutoff;
    }
}
