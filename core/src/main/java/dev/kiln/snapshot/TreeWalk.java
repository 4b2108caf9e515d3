package dev.kiln.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Depth-first walk in {@link Change#PATH_ORDER}, never following symlinks. */
final class TreeWalk {
    interface Visitor {
        /** Returns whether to descend into {@code path} when it is a directory. */
        boolean visit(String relPath, Path path, FileMeta meta);
    }

    private TreeWalk() {}

    static void walk(Path root, Visitor visitor) {
        walk(root, "", visitor);
    }

    private static void walk(Path dir, String relDir, Visitor visitor) {
        for (Path child : sortedChildren(dir)) {
            String name = child.getFileName().toString();
            String rel = relDir.isEmpty() ? name : relDir + "/" + name;
            FileMeta meta = FileMeta.read(child);
            if (visitor.visit(rel, child, meta) && meta.type() == Change.Type.DIRECTORY) {
                walk(child, rel, visitor);
            }
        }
    }

    static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> children = new ArrayList<>(list.toList());
            children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            return children;
        } catch (IOException e) {
            throw new SnapshotException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
