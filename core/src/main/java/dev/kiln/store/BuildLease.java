package dev.kiln.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps garbage collection away from running builds: every build holds a shared lease on
 * {@code locks/gc.lock} from its first blob to its named image, and a prune takes it exclusively,
 * so it never deletes a blob a build has written but not yet named. Works across processes (an
 * OS file lock) and across threads of this JVM (a read-write lock; the file lock is per process).
 */
public final class BuildLease implements AutoCloseable {
    private static final ConcurrentHashMap<Path, Shared> LEASES = new ConcurrentHashMap<>();

    private final Shared shared;
    private final boolean exclusive;

    private BuildLease(Shared shared, boolean exclusive) {
        this.shared = shared;
        this.exclusive = exclusive;
    }

    /** A build's lease: many builds hold one at once. */
    public static BuildLease shared(Store store) {
        var lease = sharedFor(store);
        lease.rw.readLock().lock();
        try {
            lease.acquireFile(true);
        } catch (IOException | RuntimeException e) {
            lease.rw.readLock().unlock();
            throw new StoreException("cannot take the build lock " + lease.file + ": " + e.getMessage(), e);
        }
        return new BuildLease(lease, false);
    }

    /** A prune's lease: waits until no build holds one. */
    public static BuildLease exclusive(Store store) {
        var lease = sharedFor(store);
        lease.rw.writeLock().lock();
        try {
            lease.acquireFile(false);
        } catch (IOException | RuntimeException e) {
            lease.rw.writeLock().unlock();
            throw new StoreException("cannot take the build lock " + lease.file + ": " + e.getMessage(), e);
        }
        return new BuildLease(lease, true);
    }

    @Override
    public void close() {
        shared.releaseFile();
        if (exclusive) {
            shared.rw.writeLock().unlock();
        } else {
            shared.rw.readLock().unlock();
        }
    }

    private static Shared sharedFor(Store store) {
        var file = store.root().resolve("locks").resolve("gc.lock").toAbsolutePath().normalize();
        return LEASES.computeIfAbsent(file, Shared::new);
    }

    /** One lock file's state in this JVM: how many holders share the OS lock. */
    private static final class Shared {
        final Path file;
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        private int holders;
        private FileChannel channel;
        private FileLock lock;

        Shared(Path file) {
            this.file = file;
        }

        synchronized void acquireFile(boolean sharedMode) throws IOException {
            if (holders++ > 0) {
                return;
            }
            try {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                lock = channel.lock(0, Long.MAX_VALUE, sharedMode);
            } catch (IOException | RuntimeException e) {
                holders--;
                if (channel != null) {
                    channel.close();
                }
                throw e;
            }
        }

        synchronized void releaseFile() {
            if (--holders > 0) {
                return;
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock in any case
            }
        }
    }
}
