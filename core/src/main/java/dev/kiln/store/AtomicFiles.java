package dev.kiln.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Whole-file replacement that readers see as before-or-after, never half-written. */
public final class AtomicFiles {
    static final String TEMP_PREFIX = ".tmp-";

    /** Writes {@code bytes} to a temp file beside {@code target}, syncs it and renames it over {@code target}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                var buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            rename(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Atomically renames {@code temp} onto {@code target} (replacing it) and syncs the folder. */
    static void rename(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
        }
        syncDirectory(target.getParent());
    }

    /** Makes a rename durable; some file systems refuse to sync a folder, which only costs durability. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // best effort: the rename itself is already atomic
        }
    }

    private AtomicFiles() {
    }
}
