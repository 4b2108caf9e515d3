package dev.kiln.solve.mount;

import dev.kiln.internal.paths.RootedPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Where a mount's {@code source=} path is on the host: inside its root, symlinks resolved within it. */
final class MountSources {
    private MountSources() {}

    /** The host path of {@code source} under {@code root}; ".." and symlinks never leave the root. */
    static Path inside(Path root, String source, String what) {
        var path = RootedPaths.onHost(root, RootedPaths.cleanAbsolute(source));
        if (!path.startsWith(root)) {
            throw new MountException(what + " " + source + " leaves its root");
        }
        return path;
    }

    /** Like {@link #inside}, and it must exist. */
    static Path existing(Path root, String source, String what) {
        var path = inside(root, source, what);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new MountException(what + " " + (source.isEmpty() ? "/" : source) + " does not exist");
        }
        return path;
    }

    /** A private temp dir (0700) under the work root. */
    static Path tempDir(Path workRoot, String prefix) {
        try {
            Files.createDirectories(workRoot);
            var dir = Files.createTempDirectory(workRoot, prefix);
            Files.setAttribute(dir, "unix:mode", 0700);
            return dir;
        } catch (IOException e) {
            throw new MountException("cannot create a temp dir under " + workRoot + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        try {
            TreeCopy.delete(dir);
        } catch (IOException e) {
            throw new MountException("cannot delete " + dir + " after the step: " + e.getMessage(), e);
        }
    }
}
