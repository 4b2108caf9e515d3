package dev.kiln.store;

import dev.kiln.image.Digest;
import dev.kiln.image.DigestingOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Streams one blob into the store. Bytes go to a hidden temp file in the blob folder (locked, so
 * a store opening meanwhile knows it is live); {@link #commit} checks size and digest, syncs and
 * renames it to its digest. Closing without a successful commit deletes the temp file, so a
 * failed write leaves nothing behind.
 */
public final class BlobWriter extends OutputStream {
    private final BlobStore store;
    private final Path temp;
    private final FileChannel channel;
    private final FileLock lock;
    private final DigestingOutputStream out;
    private boolean done;

    BlobWriter(BlobStore store, Path folder) throws IOException {
        this.store = store;
        this.temp = folder.resolve(AtomicFiles.TEMP_PREFIX + UUID.randomUUID());
        this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.lock = channel.lock();
        this.out = new DigestingOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    /** Bytes written so far. */
    public long size() {
        return out.count();
    }

    /** Commits what was written, whatever its digest. */
    public BlobInfo commit() throws IOException {
        return commit(null, -1);
    }

    /**
     * Commits what was written if it has {@code expectedDigest} (when not null) and
     * {@code expectedSize} (when not negative); otherwise discards it and throws.
     */
    public BlobInfo commit(Digest expectedDigest, long expectedSize) throws IOException {
        if (done) {
            throw new IllegalStateException("blob writer already finished");
        }
        done = true;
        try {
            out.flush();
            Digest actual = out.digest();
            if (expectedSize >= 0 && expectedSize != out.count()) {
                throw new StoreException("blob " + (expectedDigest != null ? expectedDigest : actual) + " has "
                        + out.count() + " bytes, expected " + expectedSize + "; the source is truncated or changed");
            }
            if (expectedDigest != null && !expectedDigest.equals(actual)) {
                throw new StoreException("blob content does not match its digest: expected " + expectedDigest
                        + ", got " + actual + "; the source is corrupt or changed while it was read");
            }
            Path target = store.path(actual);
            if (Files.exists(target)) {
                Files.deleteIfExists(temp); // content-addressed: the stored copy is these bytes
            } else {
                channel.force(true);
                AtomicFiles.rename(temp, target);
            }
            return new BlobInfo(actual, out.count());
        } finally {
            discard();
        }
    }

    /** Discards the blob unless it was committed. */
    @Override
    public void close() throws IOException {
        done = true;
        discard();
    }

    private void discard() throws IOException {
        release();
        Files.deleteIfExists(temp);
    }

    private void release() throws IOException {
        if (channel.isOpen()) {
            lock.release();
            channel.close();
        }
    }
}
