package dev.kiln.copy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Slash-separated paths relative to a root ({@code ""} is the root itself, {@code a/b} a path
 * under it) and symlink resolution that never leaves the root, as containerd's
 * {@code fs.RootPath} does.
 */
final class RootedPaths {
    private static final int MAX_LINKS = 255;

    private RootedPaths() {}

    /** Go's {@code path.Clean("/" + p)} without the leading slash: {@code ..} stops at the root. */
    static String clean(String path) {
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

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    /** The parent of a clean path; the root's parent is the root. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Every proper ancestor of a clean path, outermost first, the root left out. */
    static List<String> ancestors(String path) {
        List<String> out = new ArrayList<>();
        for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
            out.add(path.substring(0, i));
        }
        return out;
    }

    /** What to do with a link that points above the root or to an absolute path. */
    enum Escape {
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
    static String resolve(String path, Function<String, String> linkTarget, Escape escape) {
        Deque<String> todo = new ArrayDeque<>(components(path));
        Deque<String> done = new ArrayDeque<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.pollFirst();
            if (name.equals("..")) {
                if (done.isEmpty() && escape == Escape.REFUSE) {
                    throw new CopyException("'" + path + "' leads outside the build context");
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
                throw new CopyException("too many levels of symbolic links resolving '" + path + "'");
            }
            if (target.startsWith("/") && escape == Escape.REFUSE) {
                throw new CopyException("'" + path + "' is a symlink to the absolute path '" + target
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

    private static List<String> components(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty() && !s.equals(".")).toList();
    }
}
