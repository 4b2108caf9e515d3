package dev.kiln.internal.paths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Slash-separated paths inside a root filesystem ({@code ""} is the root itself, {@code a/b} a
 * path under it; the absolute forms are {@code /} and {@code /a/b}) and symlink resolution that
 * never leaves the root, as containerd's {@code fs.RootPath} does. Layer extraction keeps its own,
 * stricter walk ({@code image.layer.ExtractionRoot}): it rejects what this clamps.
 */
public final class RootedPaths {
    private static final int MAX_LINKS = 255;

    private RootedPaths() {}

    /** Go's {@code path.Clean("/" + p)} without the leading slash: {@code ..} stops at the root. */
    public static String clean(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /** Go's {@code path.Clean("/" + p)}: {@code a/../b} → {@code /b}. */
    public static String cleanAbsolute(String path) {
        return "/" + clean(path);
    }

    /** {@code path} made absolute against the directory {@code dir} and cleaned: {@code ("/a", "b/../c")} → {@code /a/c}. */
    public static String absolute(String dir, String path) {
        return path.startsWith("/") ? cleanAbsolute(path) : cleanAbsolute(dir + "/" + path);
    }

    public static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    /** The parent of a clean path; the root's parent is the root. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Every proper ancestor of a clean path, outermost first, the root left out. */
    public static List<String> ancestors(String path) {
        List<String> out = new ArrayList<>();
        for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
            out.add(path.substring(0, i));
        }
        return out;
    }

    /** What to do with a link that points above the root or to an absolute path. */
    public enum Escape {
        /** Resolve inside the root, as a chroot would (a stage's filesystem). */
        CLAMP,
        /** Refuse (the build context: nothing outside it may be read). */
        REFUSE
    }

    /**
     * Resolves every symlink of {@code path}, the last component too.
     *
     * @param linkTarget the target of the symlink at a clean path, or null when it is not one
     */
    public static String resolve(String path, Function<String, String> linkTarget, Escape escape) {
        Deque<String> todo = new ArrayDeque<>(components(path));
        Deque<String> done = new ArrayDeque<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.pollFirst();
            if (name.equals("..")) {
                if (done.isEmpty() && escape == Escape.REFUSE) {
                    throw new RootedPathException("'" + path + "' leads outside the build context");
                }
                done.pollLast();
                continue;
            }
            done.addLast(name);
            String current = String.join("/", done);
            String target = linkTarget.apply(current);
            if (target == null) {
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new RootedPathException("too many levels of symbolic links resolving '" + path + "'");
            }
            if (target.startsWith("/") && escape == Escape.REFUSE) {
                throw new RootedPathException("'" + path + "' is a symlink to the absolute path '" + target
                        + "', which is outside the build context");
            }
            done.pollLast();
            if (target.startsWith("/")) {
                done.clear();
            }
            List<String> parts = components(target);
            for (int i = parts.size() - 1; i >= 0; i--) {
                todo.addFirst(parts.get(i));
            }
        }
        return String.join("/", done);
    }

    /**
     * The host path of {@code containerPath} under the directory {@code root}, every symlink on the
     * way (the last component too) resolved the way a process chrooted into {@code root} would see it.
     */
    public static Path onHost(Path root, String containerPath) {
        return root.resolve(resolve(containerPath, relative -> hostLinkTarget(root.resolve(relative)), Escape.CLAMP));
    }

    private static String hostLinkTarget(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return null;
        }
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException e) {
            throw new RootedPathException("cannot read symlink " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<String> components(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty() && !s.equals(".")).toList();
    }
}
