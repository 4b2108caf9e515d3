package dev.kiln.solve.mount;

import java.util.ArrayDeque;

/** Lexical cleaning of paths inside the container, as Go's {@code path.Join} and {@code path.Clean}. */
final class ContainerPaths {
    private ContainerPaths() {}

    /** {@code path} made absolute against {@code dir}, then cleaned. */
    static String resolve(String dir, String path) {
        return clean(path.startsWith("/") ? path : (dir.isEmpty() ? "/" : dir) + "/" + path);
    }

    static String clean(String path) {
        var parts = new ArrayDeque<String>();
        for (var part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) parts.pollLast();
            else parts.addLast(part);
        }
        return "/" + String.join("/", parts);
    }

    /** "/a/b" → "a/b", the form of change-set paths. */
    static String relative(String absolute) {
        return absolute.substring(1);
    }
}
