package dev.kiln.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A folder tree as text, one line per entry: type, permissions, owner and content (or link target). */
final class TreeListing {
    private TreeListing() {
    }

    static Map<String, String> of(Path root) {
        Map<String, String> lines = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.equals(root)).toList()) {
                lines.put(root.relativize(p).toString(), describe(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static String describe(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,nlink", LinkOption.NOFOLLOW_LINKS);
        String meta = String.format("%o %s:%s", (Integer) a.get("mode"), a.get("uid"), a.get("gid"));
        if (Files.isSymbolicLink(p)) {
            return "link " + meta + " -> " + Files.readSymbolicLink(p);
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "dir " + meta;
        }
        return "file " + meta + " nlink=" + a.get("nlink") + " " + Files.readString(p);
    }
}
