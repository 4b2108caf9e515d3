package dev.kiln.exec;

import dev.kiln.internal.paths.RootedPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Mount points the runtime has to create in the root (e.g. /etc/hosts in an image without one) are not
 * the step's work; like BuildKit, remove them afterwards when they are still empty, so they stay out of
 * the layer.
 */
final class MountStubs implements AutoCloseable {
    private final List<Path> created = new ArrayList<>();

    /** Records the first missing component of each destination before anything is mounted. */
    static MountStubs before(Path root, List<String> destinations) {
        MountStubs stubs = new MountStubs();
        for (String destination : destinations) {
            String prefix = "";
            for (String part : destination.split("/")) {
                if (part.isEmpty()) continue;
                prefix += "/" + part;
                Path host = RootedPaths.onHost(root, prefix);
                if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
                    if (!stubs.created.contains(host)) stubs.created.add(host);
                    break;
                }
            }
        }
        return stubs;
    }

    @Override
    public void close() {
        for (Path stub : created) {
            try {
                if (isEmptyStub(stub)) deleteTree(stub);
            } catch (IOException e) {
                throw new ExecException("cannot remove mount point " + stub + " after the step: " + e.getMessage(), e);
            }
        }
    }

    private static boolean isEmptyStub(Path stub) throws IOException {
        if (!Files.exists(stub, LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> all = Files.walk(stub)) {
            return all.allMatch(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    || (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && sizeOf(p) == 0));
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteTree(Path stub) throws IOException {
        try (Stream<Path> all = Files.walk(stub)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
