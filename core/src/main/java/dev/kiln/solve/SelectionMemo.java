package dev.kiln.solve;

import dev.kiln.store.AtomicFiles;
import dev.kiln.image.Digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Remembers a {@code COPY --from}'s selection digest by the cache key of the stage (or the digest
 * of the image) it copies from: while that source is unchanged its files are too, so a rebuild
 * neither mounts nor reads the source to know it is a cache hit.
 */
final class SelectionMemo {
    private final Path root;

    SelectionMemo(Path root) {
        this.root = root;
    }

    Optional<Digest> lookup(CacheKey memo) {
        try {
            var file = fileOf(memo);
            return Files.isRegularFile(file)
                    ? Optional.of(Digest.parse(Files.readString(file, StandardCharsets.UTF_8).strip()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void record(CacheKey memo, Digest selection) {
        var file = fileOf(memo);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, selection.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the next build computes the digest again
        }
    }

    private Path fileOf(CacheKey key) {
        var hex = key.digest().hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex);
    }
}
