package dev.kiln.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.function.Consumer;

/** Writes a file through a temp file beside it, so a failed export leaves no half-written file. */
final class AtomicFileOutput {
    private AtomicFileOutput() {
    }

    static void write(Path target, Consumer<OutputStream> body) {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling(".tmp-" + absolute.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(absolute.getParent());
            try (OutputStream out = Exporters.buffered(Files.newOutputStream(temp))) {
                body.accept(out);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new TransportException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temp file's name says what it is; nothing else to do
            }
        }
    }
}
