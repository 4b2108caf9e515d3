package dev.kiln.solve.mount;

import dev.kiln.dockerfile.instructions.Mount;
import dev.kiln.image.Digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code RUN --mount=type=cache} directories under {@code $KILN_HOME/cache-mounts}, kept across builds.
 * One directory per id (and per {@code from} source); with {@code sharing=private} a user that finds it
 * busy gets its own numbered sibling, kept for later private users.
 */
final class CacheMounts {
    private final Path root;

    CacheMounts(Path root) {
        this.root = root;
    }

    /** A cache directory, held as the sharing mode says until closed. */
    record Lease(Path dir, CacheLocks.Held lock) implements AutoCloseable {
        @Override
        public void close() {
            lock.close();
        }
    }

    /** @param seed the root of the {@code from} stage or image, when given */
    Lease acquire(Mount.Cache cache, Optional<SourceRoot> seed) {
        var name = name(cache, seed);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new MountException("cannot create the cache-mount folder " + root + ": " + e.getMessage(), e);
        }
        var lease = lease(cache.sharing(), name);
        try {
            create(lease.dir(), cache, seed);
            return lease;
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    private Lease lease(Mount.CacheSharing sharing, String name) {
        return switch (sharing) {
            case SHARED -> new Lease(root.resolve(name), CacheLocks.shared(lockOf(name)));
            case LOCKED -> new Lease(root.resolve(name), CacheLocks.exclusive(lockOf(name)));
            case PRIVATE -> {
                for (int i = 0; ; i++) {
                    var candidate = i == 0 ? name : name + ".private-" + i;
                    var held = CacheLocks.tryExclusive(lockOf(candidate));
                    if (held != null) yield new Lease(root.resolve(candidate), held);
                }
            }
        };
    }

    private Path lockOf(String name) {
        return root.resolve(name + ".lock");
    }

    /** A readable directory name: the id's safe characters, then a hash of everything that keys it. */
    static String name(Mount.Cache cache, Optional<SourceRoot> seed) {
        var key = cache.id() + "\0" + seed.map(SourceRoot::identity).orElse("") + "\0"
                + (seed.isPresent() ? cache.source() : "");
        var hash = Digest.of(key.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16);
        var readable = cache.id().replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (readable.length() > 40) readable = readable.substring(0, 40);
        return (readable.isEmpty() ? "" : readable + "-") + hash;
    }

    /** Creates a missing cache dir in a temp sibling and renames it into place, so users never see half a seed. */
    private static void create(Path dir, Mount.Cache cache, Optional<SourceRoot> seed) {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        var temp = dir.resolveSibling(".new-" + UUID.randomUUID());
        try {
            if (seed.isPresent()) {
                var source = MountSources.inside(seed.get().path(), cache.source(), "cache mount source");
                if (Files.isDirectory(source)) TreeCopy.copy(source, temp, p -> false);
                else Files.createDirectory(temp);
            } else {
                Files.createDirectory(temp);
                Files.setAttribute(temp, "unix:uid", cache.uid());
                Files.setAttribute(temp, "unix:gid", cache.gid());
                Files.setAttribute(temp, "unix:mode", cache.mode() & 07777);
            }
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // a concurrent shared user created it first
        } catch (AtomicMoveNotSupportedException e) {
            throw new MountException("the cache-mount folder " + dir.getParent() + " does not support atomic renames", e);
        } catch (IOException e) {
            throw new MountException("cannot create cache mount " + cache.id() + " in " + dir + ": " + e.getMessage(), e);
        } finally {
            try {
                TreeCopy.delete(temp);
            } catch (IOException e) {
                // a leftover .new- dir is never used as a cache
            }
        }
    }
}
