package dev.kiln.solve.mount;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reader/writer locks on cache-mount directories that hold across threads and processes: an in-JVM
 * count (one JVM cannot take two overlapping file locks) backed by one file lock per lock file.
 */
final class CacheLocks {
    private static final ConcurrentHashMap<Path, Entry> ENTRIES = new ConcurrentHashMap<>();

    private CacheLocks() {}

    /** A held lock; release it on the thread that took it or any other. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Shared use: waits while anyone holds it exclusively. */
    static Held shared(Path lockFile) {
        var entry = entry(lockFile);
        entry.acquire(false);
        return () -> entry.release();
    }

    /** Exclusive use: waits until nobody else, in this or another process, uses it. */
    static Held exclusive(Path lockFile) {
        var entry = entry(lockFile);
        entry.acquire(true);
        return () -> entry.release();
    }

    /** Exclusive use if nobody uses it now; null otherwise. */
    static Held tryExclusive(Path lockFile) {
        var entry = entry(lockFile);
        return entry.tryExclusive() ? entry::release : null;
    }

    private static Entry entry(Path lockFile) {
        return ENTRIES.computeIfAbsent(lockFile.toAbsolutePath().normalize(), Entry::new);
    }

    private static final class Entry {
        private final Path file;
        private int readers;
        private boolean writer;
        private FileChannel channel;
        private FileLock lock;

        Entry(Path file) {
            this.file = file;
        }

        synchronized void acquire(boolean exclusive) {
            try {
                while (writer || (exclusive && readers > 0)) wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MountException("interrupted while waiting for the cache lock " + file, e);
            }
            if (exclusive) {
                lockFile(false, true);
                writer = true;
            } else {
                if (readers == 0) lockFile(true, true);
                readers++;
            }
        }

        synchronized boolean tryExclusive() {
            if (writer || readers > 0) return false;
            if (!lockFile(false, false)) return false;
            writer = true;
            return true;
        }

        synchronized void release() {
            if (writer) writer = false;
            else readers--;
            if (!writer && readers == 0) unlockFile();
            notifyAll();
        }

        private boolean lockFile(boolean shared, boolean wait) {
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
                lock = wait ? channel.lock(0, Long.MAX_VALUE, shared) : channel.tryLock(0, Long.MAX_VALUE, shared);
                if (lock == null) {
                    channel.close();
                    channel = null;
                    return false;
                }
                return true;
            } catch (IOException e) {
                throw new MountException("cannot lock the cache mount " + file + ": " + e.getMessage(), e);
            }
        }

        private void unlockFile() {
            try {
                if (channel != null) channel.close(); // releases the lock
            } catch (IOException e) {
                // closing frees the lock even when close reports an error
            } finally {
                channel = null;
                lock = null;
            }
        }
    }
}
