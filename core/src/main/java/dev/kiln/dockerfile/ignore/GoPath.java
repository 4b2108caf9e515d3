package dev.kiln.dockerfile.ignore;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's lexical {@code path.Clean} and {@code path.Dir} for slash-separated paths. */
final class GoPath {
    private GoPath() {}

    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else if (!part.equals("..") || !rooted) {
                parts.addLast(part);
            }
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return clean(path.substring(0, slash + 1));
    }
}
