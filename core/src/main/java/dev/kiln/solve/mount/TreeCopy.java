package dev.kiln.solve.mount;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.function.Predicate;

/** Copies and deletes host trees, keeping modes, owners and symlinks as they are (nothing is followed). */
final class TreeCopy {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private TreeCopy() {}

    /**
     * Copies {@code source} (a directory or a single file) to {@code target}, which must not exist.
     *
     * @param excluded paths relative to {@code source} ('/'-separated) to leave out
     */
    static void copy(Path source, Path target, Predicate<String> excluded) throws IOException {
        if (!Files.isDirectory(source, NOFOLLOW)) {
            copyEntry(source, target);
            return;
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                var rel = relative(source, dir);
                // an excluded directory is still entered: a later '!' pattern may bring back files under it
                if (rel.isEmpty() || !excluded.test(rel)) copyEntry(dir, target.resolve(rel));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                var rel = relative(source, file);
                if (!excluded.test(rel)) {
                    Files.createDirectories(target.resolve(rel).getParent());
                    copyEntry(file, target.resolve(rel));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) throw e;
                var copied = target.resolve(relative(source, dir));
                if (Files.isDirectory(copied, NOFOLLOW)) {
                    Files.setLastModifiedTime(copied, Files.getLastModifiedTime(dir, NOFOLLOW));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyEntry(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, NOFOLLOW);
        Files.setAttribute(to, "unix:uid", Files.getAttribute(from, "unix:uid", NOFOLLOW), NOFOLLOW);
        Files.setAttribute(to, "unix:gid", Files.getAttribute(from, "unix:gid", NOFOLLOW), NOFOLLOW);
        if (!Files.isSymbolicLink(to)) {
            // chown clears setuid/setgid bits; put the source's mode back
            Files.setAttribute(to, "unix:mode", Files.getAttribute(from, "unix:mode", NOFOLLOW), NOFOLLOW);
        }
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root, NOFOLLOW)) return;
        try (var walk = Files.walk(root)) {
            for (var p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
