package dev.kiln.image.layer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The bytes of a regular file in a layer, opened only when the writer reaches it. */
public interface ContentSource {
    /** The number of bytes {@link #open} will give; the writer fails if it gives another number. */
    long size();

    InputStream open() throws IOException;

    /** The file on disk these bytes are read from, when they are (so its digest can be cached by its stat). */
    default Optional<Path> file() {
        return Optional.empty();
    }

    static ContentSource of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new ContentSource() {
            @Override
            public long size() {
                return copy.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }
        };
    }

    /** A file on disk; its size is taken now, so a file that grows or shrinks before it is read is an error. */
    static ContentSource of(Path file) throws IOException {
        long size = Files.size(file);
        return new ContentSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Optional<Path> file() {
                return Optional.of(file);
            }

            @Override
            public String toString() {
                return file.toString();
            }
        };
    }
}
