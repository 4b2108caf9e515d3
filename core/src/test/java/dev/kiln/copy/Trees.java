package dev.kiln.copy;

import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Chmod;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.HeredocSource;
import dev.kiln.dockerfile.parser.SourceRange;
import dev.kiln.image.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helpers: build trees on disk, build COPY/ADD records, and describe entries as short strings. */
final class Trees {
    static final SourceRange RANGE = new SourceRange(7, 1, 7, 20);

    private Trees() {}

    static Path file(Path root, String path, String content, int mode) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            chmod(p, mode);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path dir(Path root, String path, int mode) {
        try {
            Path p = Files.createDirectories(root.resolve(path));
            chmod(p, mode);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path link(Path root, String path, String target) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            return Files.createSymbolicLink(p, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void owner(Path p, int uid, int gid) {
        try {
            Files.setAttribute(p, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", gid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void chmod(Path p, int mode) throws IOException {
        Files.setAttribute(p, "unix:mode", mode);
    }

    static Copy copy(String... args) {
        return copyWith(Optional.empty(), Optional.empty(), false, List.of(), args);
    }

    static Copy copyWith(Optional<String> chown, Optional<String> chmod, boolean parents, List<String> excludes,
                         String... args) {
        List<String> all = Arrays.asList(args);
        return new Copy(all.subList(0, all.size() - 1), List.of(), all.getLast(), Optional.empty(), chown,
                chmod.map(Chmod::new), false, parents, excludes, RANGE, "COPY " + String.join(" ", all));
    }

    static Copy heredocCopy(String dest, Optional<String> chmod, HeredocSource... docs) {
        return new Copy(List.of(), List.of(docs), dest, Optional.empty(), Optional.empty(), chmod.map(Chmod::new),
                false, false, List.of(), RANGE, "COPY <<EOF " + dest);
    }

    static Copy linked(Copy c) {
        return new Copy(c.sources(), c.inlineSources(), c.destination(), c.from(), c.chown(), c.chmod(), true,
                c.parents(), c.excludes(), c.range(), c.original());
    }

    static Add add(Optional<String> checksum, Optional<Boolean> unpack, String... args) {
        List<String> all = Arrays.asList(args);
        return new Add(all.subList(0, all.size() - 1), List.of(), all.getLast(), Optional.empty(), Optional.empty(),
                false, List.of(), checksum, Optional.empty(), unpack, RANGE, "ADD " + String.join(" ", all));
    }

    /** path → "dir 755 0:0", "file 644 0:0 'text'", "link 0:0 -> target", "hardlink -> target", … */
    static Map<String, String> describe(List<LayerEntry> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (LayerEntry e : entries) {
            var a = e.attributes();
            String owner = a.uid() + ":" + a.gid();
            String mode = Integer.toOctalString(a.mode());
            out.put(e.path(), switch (e) {
                case LayerEntry.Directory d -> "dir " + mode + " " + owner;
                case LayerEntry.RegularFile f -> "file " + mode + " " + owner + " '" + read(f) + "'";
                case LayerEntry.Symlink s -> "link " + owner + " -> " + s.target();
                case LayerEntry.Hardlink h -> "hardlink -> " + h.target();
                case LayerEntry.Device d -> d.kind() + " " + mode + " " + owner + " " + d.major() + "," + d.minor();
                case LayerEntry.Fifo f -> "fifo " + mode + " " + owner;
            });
        }
        return out;
    }

    static String read(LayerEntry.RegularFile f) {
        try (InputStream in = f.content().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String perms(String text) {
        return PosixFilePermissions.toString(PosixFilePermissions.fromString(text));
    }
}
