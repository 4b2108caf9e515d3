package dev.kiln.copy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private temporary directory for downloads, heredocs and unpacked archive contents; deleted on close. */
final class ScratchFiles implements AutoCloseable {
    private final Path parent;
    private Path dir;
    private long counter;

    ScratchFiles(Path parent) {
        this.parent = parent;
    }

    /** A new, empty directory of its own. */
    synchronized Path newDirectory() {
        try {
            return Files.createDirectory(directory().resolve("d" + counter++));
        } catch (IOException e) {
            throw new CopyException("cannot create a temporary directory in " + parent + ": " + e.getMessage(), e);
        }
    }

    synchronized Path newFile() {
        return directory().resolve("f" + counter++);
    }

    private Path directory() {
        if (dir == null) {
            try {
                Files.createDirectories(parent);
                dir = Files.createTempDirectory(parent, "kiln-copy-");
            } catch (IOException e) {
                throw new CopyException("cannot create a temporary directory in " + parent + ": " + e.getMessage(), e);
            }
        }
        return dir;
    }

    @Override
    public synchronized void close() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new CopyException("cannot remove the temporary directory " + dir + ": " + e.getMessage(), e);
        }
        dir = null;
    }
}
