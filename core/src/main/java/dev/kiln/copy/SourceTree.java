package dev.kiln.copy;

import dev.kiln.internal.paths.RootedPathException;
import dev.kiln.internal.paths.RootedPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A read-only view of what a COPY reads: the build context (owners reset to 0:0 as BuildKit's
 * local source does, .dockerignore'd paths absent, links may not leave it) or another stage's
 * root filesystem (owners kept, links resolved inside it like a chroot).
 */
final class SourceTree {
    private final Path root;
    private final boolean context;
    private final ContextFilter filter;
    private final Map<String, Boolean> reincluded = new HashMap<>();

    SourceTree(Path root, boolean context, ContextFilter filter) {
        this.root = root;
        this.context = context;
        this.filter = filter;
    }

    static SourceTree of(CopySource source) {
        return switch (source) {
            case CopySource.Context c -> new SourceTree(c.root(), true, c.filter());
            case CopySource.StageRoot s -> new SourceTree(s.root(), false, ContextFilter.NONE);
        };
    }

    boolean isContext() {
        return context;
    }

    Path hostPath(String path) {
        return path.isEmpty() ? root : root.resolve(path);
    }

    /** Follows every symlink of a clean path inside the root. */
    String resolve(String path) {
        var escape = context ? RootedPaths.Escape.REFUSE : RootedPaths.Escape.CLAMP;
        try {
            return RootedPaths.resolve(path, this::linkTarget, escape);
        } catch (RootedPathException e) {
            throw new CopyException(e.getMessage(), e);
        }
    }

    /** lstat, with owners as the source presents them; null when absent or ignored. */
    FileStat stat(String path) {
        if (!path.isEmpty() && filter.excluded(path) && !holdsReincludedPaths(path)) {
            return null;
        }
        FileStat stat = FileStat.read(hostPath(path));
        if (stat == null || !context) {
            return stat;
        }
        return new FileStat(stat.type(), stat.mode(), 0, 0, stat.size(), stat.dev(), stat.ino(), stat.nlink(),
                stat.rdev(), stat.linkTarget());
    }

    /** Names in a directory, sorted, ignored ones left out. */
    List<String> children(String dir) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> list = Files.list(hostPath(dir))) {
            list.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new CopyException("cannot list " + displayName(dir) + ": " + e.getMessage(), e);
        }
        names.sort(null);
        names.removeIf(name -> stat(RootedPaths.join(dir, name)) == null);
        return names;
    }

    String displayName(String path) {
        return "/" + path;
    }

    private String linkTarget(String path) {
        FileStat stat = stat(path);
        return stat != null && stat.type() == FileStat.Type.SYMLINK ? stat.linkTarget() : null;
    }

    /** An excluded directory still appears when an exception re-includes something under it (as fsutil's walker). */
    private boolean holdsReincludedPaths(String dir) {
        if (!filter.hasExceptions() || !Files.isDirectory(hostPath(dir), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Boolean known = reincluded.get(dir);
        if (known != null) {
            return known;
        }
        List<String> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(hostPath(dir))) {
            list.forEach(p -> children.add(RootedPaths.join(dir, p.getFileName().toString())));
        } catch (IOException e) {
            throw new CopyException("cannot list " + displayName(dir) + ": " + e.getMessage(), e);
        }
        boolean holds = children.stream().anyMatch(child -> !filter.excluded(child) || holdsReincludedPaths(child));
        reincluded.put(dir, holds);
        return holds;
    }
}
