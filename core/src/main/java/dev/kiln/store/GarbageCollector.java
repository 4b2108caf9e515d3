package dev.kiln.store;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageFormatException;
import dev.kiln.image.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes blobs that no image in {@code index.json} reaches (through indexes, manifests, configs,
 * layers and subjects). It holds the index lock throughout, so no name changes meanwhile.
 *
 * <p>A build writes its blobs before it names its image; a blob committed in between is unreachable
 * for that moment. {@code minAge} keeps blobs younger than that, so a prune beside a running build
 * spares the build's fresh blobs.
 */
public final class GarbageCollector {
    private GarbageCollector() {
    }

    public static PruneReport prune(Store store, Duration minAge) {
        return prune(store, minAge, List.of());
    }

    /**
     * @param keep more roots to keep with everything they reach (e.g. the layers the build cache
     *             still records)
     */
    @SuppressWarnings("try") // the locks are held, not used
    public static PruneReport prune(Store store, Duration minAge, List<Descriptor> keep) {
        Path lockFile = store.root().resolve("locks").resolve("index.lock");
        try (BuildLease noBuilds = BuildLease.exclusive(store); StoreLock ignored = StoreLock.acquire(lockFile)) {
            List<Descriptor> roots = new ArrayList<>(store.names().read().manifests());
            roots.addAll(keep);
            Set<Digest> reachable = reachable(store.blobs(), roots);
            return sweep(store, reachable, Instant.now().minus(minAge));
        } catch (IOException e) {
            throw new StoreException("cannot prune the store at " + store.root() + ": " + e.getMessage(), e);
        }
    }

    /** Every digest reachable from {@code roots}; blobs that are missing or unreadable end that path. */
    static Set<Digest> reachable(BlobStore blobs, List<Descriptor> roots) {
        Set<Digest> seen = new HashSet<>();
        Deque<Descriptor> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Descriptor d = todo.pop();
            if (!seen.add(d.digest()) || !blobs.has(d.digest())) {
                continue;
            }
            todo.addAll(children(blobs, d));
        }
        return seen;
    }

    private static List<Descriptor> children(BlobStore blobs, Descriptor d) {
        try {
            if (d.mediaType().isIndex()) {
                var index = ImageCodec.decodeIndex(blobs.readAll(d.digest()));
                return withSubject(index.manifests(), index.subject());
            }
            if (d.mediaType().isManifest()) {
                Manifest m = ImageCodec.decodeManifest(blobs.readAll(d.digest()));
                List<Descriptor> children = new ArrayList<>(m.layers());
                children.add(m.config());
                return withSubject(children, m.subject());
            }
        } catch (StoreException | ImageFormatException e) {
            // a corrupt manifest reaches nothing more; fsck reports the corruption
        }
        return List.of();
    }

    private static List<Descriptor> withSubject(List<Descriptor> children, Descriptor subject) {
        if (subject == null) {
            return children;
        }
        List<Descriptor> all = new ArrayList<>(children);
        all.add(subject);
        return all;
    }

    private static PruneReport sweep(Store store, Set<Digest> reachable, Instant keepAfter) throws IOException {
        List<Digest> removed = new ArrayList<>();
        long bytes = 0;
        for (Digest.Algorithm algorithm : Digest.Algorithm.values()) {
            for (Path file : list(store.root().resolve("blobs").resolve(algorithm.id()))) {
                Digest digest = digestOf(algorithm, file);
                if (digest == null || reachable.contains(digest) || isRecent(file, keepAfter)) {
                    continue;
                }
                long size = Files.size(file);
                if (Files.deleteIfExists(file)) {
                    removed.add(digest);
                    bytes += size;
                }
            }
        }
        return new PruneReport(removed, bytes);
    }

    private static boolean isRecent(Path file, Instant keepAfter) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        return modified.toInstant().isAfter(keepAfter);
    }

    /** The digest a blob file is named by; null for temp files and stray names, which prune leaves alone. */
    private static Digest digestOf(Digest.Algorithm algorithm, Path file) {
        try {
            return new Digest(algorithm, file.getFileName().toString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
