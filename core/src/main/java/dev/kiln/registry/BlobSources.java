package dev.kiln.registry;

import dev.kiln.image.Digest;
import dev.kiln.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which registry repositories are known to hold a blob, so a push can mount it from there
 * instead of uploading it. Kept beside the store as {@code registry-sources/<alg>/<hex>}, one
 * {@code registry/repository} per line. A hint only: losing a line costs an upload, nothing more.
 */
final class BlobSources {
    private final Path root;

    BlobSources(Store store) {
        this.root = store.root().resolve("registry-sources");
    }

    synchronized void record(Digest digest, String registry, String repository) {
        Set<String> lines = new LinkedHashSet<>(read(digest));
        if (!lines.add(registry + "/" + repository)) {
            return;
        }
        Path file = file(digest);
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(".tmp-" + digest.encoded() + "-" + UUID.randomUUID());
            Files.write(temp, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // a lost hint only costs a later upload
        }
    }

    /** Repositories of {@code registry} known to hold {@code digest}. */
    List<String> repositories(Digest digest, String registry) {
        List<String> repos = new ArrayList<>();
        String prefix = registry + "/";
        for (String line : read(digest)) {
            if (line.startsWith(prefix)) {
                repos.add(line.substring(prefix.length()));
            }
        }
        return repos;
    }

    private List<String> read(Digest digest) {
        try {
            return Files.readAllLines(file(digest), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Path file(Digest digest) {
        return root.resolve(digest.algorithm().id()).resolve(digest.encoded());
    }
}
