package dev.kiln.solve;

import java.util.ArrayDeque;

/** Lexical path cleaning for paths inside an image, as Go's {@code path.Clean} and {@code path.Join}. */
final class UnixPaths {
    private UnixPaths() {}

    /** {@code path} made absolute against {@code dir} and cleaned: {@code ("/a", "b/../c")} → {@code /a/c}. */
    static String resolve(String dir, String path) {
        if (path.startsWith("/")) {
            return clean(path);
        }
        return clean((dir.isEmpty() ? "/" : dir) + "/" + path);
    }

    static String clean(String path) {
        var parts = new ArrayDeque<String>();
        for (var part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
