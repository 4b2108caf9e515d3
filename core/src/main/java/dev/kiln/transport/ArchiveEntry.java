package dev.kiln.transport;

import java.io.IOException;
import java.io.InputStream;

/**
 * One entry of an image archive: a folder, or a file whose bytes are opened only when written.
 *
 * @param content null for a folder
 */
record ArchiveEntry(String name, int mode, long size, Content content) {
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    static ArchiveEntry directory(String name) {
        return new ArchiveEntry(name, 0755, 0, null);
    }

    static ArchiveEntry file(String name, int mode, byte[] bytes) {
        return new ArchiveEntry(name, mode, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    }

    boolean isDirectory() {
        return content == null;
    }
}
