package dev.kiln.snapshot;

import dev.kiln.internal.sys.FileNodes;
import dev.kiln.internal.sys.Xattrs;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Copying one entry with all the metadata a layer records, and deleting trees without following links. */
final class TreeOps {
    private TreeOps() {}

    /** Copies {@code src} (any type but directory contents) to the absent {@code dst}. */
    static void copyEntry(Path src, FileMeta meta, Path dst) throws IOException {
        switch (meta.type()) {
            case DIRECTORY -> Files.createDirectory(dst);
            case REGULAR -> Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            case SYMLINK -> Files.createSymbolicLink(dst, Path.of(meta.linkTarget()));
            case CHAR_DEVICE -> FileNodes.mknod(dst, FileNodes.S_IFCHR, FileNodes.major(meta.rdev()), FileNodes.minor(meta.rdev()));
            case BLOCK_DEVICE -> FileNodes.mknod(dst, FileNodes.S_IFBLK, FileNodes.major(meta.rdev()), FileNodes.minor(meta.rdev()));
            case FIFO -> FileNodes.mknod(dst, FileNodes.S_IFIFO, 0, 0);
            default -> throw new IllegalArgumentException("not a file type: " + meta.type());
        }
        applyMetadata(dst, meta);
    }

    /** Owner, then mode (chown clears set-id bits), then xattrs; symlinks keep their mode. */
    static void applyMetadata(Path dst, FileMeta meta) throws IOException {
        FileNodes.lchown(dst, meta.uid(), meta.gid());
        if (meta.type() == Change.Type.SYMLINK) return;
        Files.setAttribute(dst, "unix:mode", meta.mode(), LinkOption.NOFOLLOW_LINKS);
        for (Xattr x : meta.xattrs()) Xattrs.set(dst, x.name(), x.value());
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                deleteIfPresent(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) throw e;
                deleteIfPresent(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteIfPresent(Path p) throws IOException {
        Files.deleteIfExists(p);
    }
}
