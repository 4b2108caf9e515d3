package dev.kiln.copy;

import dev.kiln.internal.paths.RootedPaths;
import java.nio.file.Path;

/**
 * Where a COPY writes: the stage's working directory and a read-only view of the stage's root
 * filesystem as it is before the step ({@code null} for {@code FROM scratch}).
 *
 * @param existingContentsVisible false to plan as if the root were empty (as {@code --link}
 *                                does); its {@code /etc/passwd} and {@code /etc/group} still
 *                                resolve {@code --chown} names
 */
public record Destination(String workdir, Path root, boolean existingContentsVisible) {
    public Destination {
        workdir = workdir == null || workdir.isEmpty() ? "/" : workdir;
    }

    public static Destination of(String workdir, Path root) {
        return new Destination(workdir, root, true);
    }

    public static Destination scratch(String workdir) {
        return new Destination(workdir, null, true);
    }

    public Destination withoutExistingContents() {
        return new Destination(workdir, root, false);
    }

    /**
     * The destination as BuildKit's {@code pathRelativeToWorkingDir} gives it: absolute, clean,
     * with a trailing {@code /} kept (and {@code .}, {@code ""} meaning the working directory).
     */
    String absolutePath(String dest) {
        String p = dest.isEmpty() || dest.equals(".") ? "./" : dest;
        String joined = "/" + RootedPaths.clean(p.startsWith("/") ? p : workdir + "/" + p);
        boolean intoDirectory = p.endsWith("/") || p.endsWith("/.");
        return intoDirectory && !joined.equals("/") ? joined + "/" : joined;
    }
}
