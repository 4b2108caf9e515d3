package dev.kiln.store;

import dev.kiln.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Blobs by digest under {@code blobs/<algorithm>/<hex>}, written atomically, read with verification. */
public final class BlobStore {
    /** A temp file younger than this may belong to a writer that has created it but not yet locked it. */
    private static final Duration STALE_AFTER = Duration.ofSeconds(10);

    private final Path blobs;

    BlobStore(Path blobs) throws IOException {
        this.blobs = blobs;
        for (Digest.Algorithm algorithm : Digest.Algorithm.values()) {
            Files.createDirectories(blobs.resolve(algorithm.id()));
        }
    }

    /** Where the blob {@code digest} lives (whether or not it is there). */
    public Path path(Digest digest) {
        return blobs.resolve(digest.algorithm().id()).resolve(digest.encoded());
    }

    public boolean has(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    public long size(Digest digest) {
        try {
            return Files.size(path(digest));
        } catch (IOException e) {
            throw missingOrUnreadable(digest, e);
        }
    }

    /** A writer for a new sha256 blob; use it in try-with-resources and call {@code commit}. */
    public BlobWriter newWriter() {
        try {
            return new BlobWriter(this, blobs.resolve(Digest.Algorithm.SHA256.id()));
        } catch (IOException e) {
            throw new StoreException("cannot create a blob in " + blobs + ": " + e.getMessage(), e);
        }
    }

    public BlobInfo write(byte[] bytes) {
        var digest = Digest.of(bytes);
        if (has(digest)) {
            return new BlobInfo(digest, bytes.length); // a rebuild's config and manifest: already stored
        }
        return write(new java.io.ByteArrayInputStream(bytes), digest, bytes.length);
    }

    /** Copies {@code source} into a blob, checking it against {@code expected} / {@code expectedSize} when given. */
    public BlobInfo write(InputStream source, Digest expected, long expectedSize) {
        try (BlobWriter writer = newWriter()) {
            source.transferTo(writer);
            return writer.commit(expected, expectedSize);
        } catch (IOException e) {
            throw new StoreException("cannot write blob " + (expected == null ? "" : expected + " ")
                    + "to " + blobs + ": " + e.getMessage(), e);
        }
    }

    /** The blob's bytes, as stored (not verified; see {@link #openVerified}). */
    public InputStream open(Digest digest) {
        try {
            return Files.newInputStream(path(digest));
        } catch (IOException e) {
            throw missingOrUnreadable(digest, e);
        }
    }

    /** The blob's bytes; reaching the end throws if they do not hash to {@code digest}. */
    public InputStream openVerified(Digest digest) {
        return new VerifyingInputStream(open(digest), digest, "stored blob " + path(digest));
    }

    /** The whole blob, verified. For small blobs (manifests, configs). */
    public byte[] readAll(Digest digest) {
        try (InputStream in = openVerified(digest)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw missingOrUnreadable(digest, e);
        }
    }

    /** True when the blob exists and its content hashes to its name. */
    public boolean verify(Digest digest) {
        try (InputStream in = openVerified(digest)) {
            in.transferTo(OutputStreamSink.INSTANCE);
            return true;
        } catch (StoreException | IOException e) {
            return false;
        }
    }

    /** Re-hashes every blob and lists those whose content does not match their name (or whose name is no digest). */
    public FsckReport fsck() {
        List<Path> bad = new ArrayList<>();
        int checked = 0;
        for (Digest.Algorithm algorithm : Digest.Algorithm.values()) {
            for (Path file : list(blobs.resolve(algorithm.id()))) {
                if (file.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)) {
                    continue;
                }
                checked++;
                Digest digest = asDigest(algorithm, file);
                if (digest == null || !verify(digest)) {
                    bad.add(file);
                }
            }
        }
        return new FsckReport(checked, bad);
    }

    /** Deletes temp files of writers that died: unlocked and older than a few seconds. */
    void removeStaleTempFiles() {
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        for (Digest.Algorithm algorithm : Digest.Algorithm.values()) {
            for (Path file : list(blobs.resolve(algorithm.id()))) {
                if (file.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)) {
                    removeIfStale(file, cutoff);
                }
            }
        }
    }

    private static void removeIfStale(Path file, Instant cutoff) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileTime modified = Files.getLastModifiedTime(file);
            try (FileLock lock = ch.tryLock()) {
                if (lock != null && modified.toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (OverlappingFileLockException | IOException e) {
            // held by a live writer of this JVM, or gone already
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Digest asDigest(Digest.Algorithm algorithm, Path file) {
        try {
            return new Digest(algorithm, file.getFileName().toString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private StoreException missingOrUnreadable(Digest digest, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new StoreException("blob " + digest + " is not in the store at " + blobs.getParent(), e);
        }
        return new StoreException("cannot read blob " + digest + ": " + e.getMessage(), e);
    }

    /** Discards bytes; used to drain a stream for its digest. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
