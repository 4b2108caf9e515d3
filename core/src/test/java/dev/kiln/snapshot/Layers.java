package dev.kiln.snapshot;

import dev.kiln.internal.sys.FileNodes;
import dev.kiln.internal.sys.Xattrs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds unpacked layers in overlay form for tests. */
final class Layers {
    private final Path dir;

    Layers(Path dir) {
        this.dir = dir;
    }

    Path root() {
        return dir;
    }

    Layers file(String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return this;
    }

    Layers dir(String rel) throws IOException {
        Files.createDirectories(dir.resolve(rel));
        return this;
    }

    Layers symlink(String rel, String target) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
        return this;
    }

    Layers whiteout(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        FileNodes.mkWhiteout(p);
        return this;
    }

    Layers opaque(String rel) throws IOException {
        dir(rel);
        Xattrs.set(dir.resolve(rel), "trusted.overlay.opaque", "y".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    static Layers at(Path dir) throws IOException {
        return new Layers(Files.createDirectories(dir));
    }
}
