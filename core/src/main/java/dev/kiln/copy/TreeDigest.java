package dev.kiln.copy;

import dev.kiln.image.Digest;
import dev.kiln.image.layer.ContentSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The digest of a directory of the build context as a step sees it (a {@code RUN --mount=type=bind}
 * of the context): names, types, modes, symlink targets and file bytes of everything the context
 * filter lets through — never times or owners, which a context mount does not carry.
 */
public final class TreeDigest {
    private TreeDigest() {}

    /** @param subpath the directory or file inside {@code root}, slash-separated; "" for the root */
    public static Digest of(Path root, String subpath, ContextFilter filter, ContentDigests contents) {
        MessageDigest total = Digest.Algorithm.SHA256.newMessageDigest();
        var start = subpath.isEmpty() ? root : root.resolve(subpath);
        if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
            total.update("missing".getBytes(StandardCharsets.UTF_8));
        } else {
            for (var file : walk(start)) {
                var relative = root.relativize(file).toString();
                if (!relative.isEmpty() && filter.excluded(relative)) {
                    continue;
                }
                total.update(describe(start.relativize(file).toString(), file, contents)
                        .getBytes(StandardCharsets.UTF_8));
                total.update((byte) 0);
            }
        }
        return Digest.fromHash(Digest.Algorithm.SHA256, total.digest());
    }

    private static List<Path> walk(Path start) {
        try (Stream<Path> files = Files.walk(start)) {
            var all = new ArrayList<>(files.toList());
            all.sort(null);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(String name, Path file, ContentDigests contents) {
        try {
            var a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            var mode = Integer.toOctalString((Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS)
                    & 07777);
            if (a.isSymbolicLink()) {
                return name + "\tsymlink\t" + Files.readSymbolicLink(file);
            }
            if (a.isDirectory()) {
                return name + "\tdir\t" + mode;
            }
            if (a.isRegularFile()) {
                return name + "\tfile\t" + mode + "\t" + a.size() + "\t" + contents.sha256(ContentSource.of(file));
            }
            return name + "\tother\t" + mode;
        } catch (IOException e) {
            throw new CopyException("cannot read " + file + " to key the step: " + e.getMessage(), e);
        }
    }
}
