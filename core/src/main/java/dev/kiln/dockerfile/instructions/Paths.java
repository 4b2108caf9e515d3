package dev.kiln.dockerfile.instructions;

import java.util.ArrayDeque;

/** Slash-separated path helpers with Go's path.Clean and path.Base semantics. */
final class Paths {
    private Paths() {}

    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        var parts = new ArrayDeque<String>();
        for (var part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(part);
        }
        var joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    static String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        var trimmed = path.replaceAll("/+$", "");
        if (trimmed.isEmpty()) {
            return "/";
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
