package dev.kiln.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return RootedPaths.resolve(path, this::linkTarget, escape);
    }

    /** lstat, with owners as the source presents them; null when absent or ignored. */
    FileStat stat(String path) {
        if (!path.isEmpty() && filter.excluded(path) && !(filter.hasExceptions() && isDirectoryOnDisk(path))) {
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

    private boolean isDirectoryOnDisk(String path) {
        return Files.isDirectory(hostPath(path), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }
}
