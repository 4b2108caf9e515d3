package dev.kiln.solve.mount;

import java.nio.file.Path;

/**
 * A stage's or image's root filesystem, valid until closed.
 *
 * @param path     the directory holding it
 * @param identity a stable text naming its content (e.g. its layers' diffIDs), for cache-mount ids
 * @param closer   releases it (unmounts, deletes)
 */
public record SourceRoot(Path path, String identity, AutoCloseable closer) implements AutoCloseable {
    @Override
    public void close() {
        try {
            closer.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MountException("cannot release the mounted root " + path + ": " + e.getMessage(), e);
        }
    }
}
