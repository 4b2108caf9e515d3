package dev.kiln.exec;

import dev.kiln.internal.paths.RootedPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Directories the runtime needs inside a step's root, created where the container would see them. */
final class RootPaths {
    private RootPaths() {}

    /** Creates {@code containerPath} as a directory inside the root, like {@code mkdir -p} would in there. */
    static Path mkdirs(Path root, String containerPath) {
        Path dir = RootedPaths.onHost(root, containerPath);
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new ExecException("cannot create " + containerPath + " in the step's root: " + e.getMessage(), e);
        }
    }
}
