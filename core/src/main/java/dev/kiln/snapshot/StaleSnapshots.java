package dev.kiln.snapshot;

import dev.kiln.internal.sys.Mounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;

/**
 * Snapshot directories a killed Kiln left behind (SIGKILL runs no cleanup): each records the
 * process that owns it (pid and start time, so a reused pid does not count); one whose owner is
 * gone has its mounts detached and is deleted by the next build.
 */
final class StaleSnapshots {
    private static final String OWNER = "owner";

    private StaleSnapshots() {}

    static void markOwned(Path dir) throws IOException {
        Files.writeString(dir.resolve(OWNER), ownerId(ProcessHandle.current()), StandardCharsets.UTF_8);
    }

    /** Detaches and deletes every snapshot directory under {@code tmpRoot} whose owner process is gone. */
    static void reclaim(Path tmpRoot) {
        if (!Files.isDirectory(tmpRoot)) {
            return;
        }
        try (var dirs = Files.list(tmpRoot)) {
            for (var dir : dirs.filter(d -> d.getFileName().toString().startsWith("snapshot-")).toList()) {
                if (isStale(dir)) {
                    unmountUnder(dir);
                    SnapshotDirs.delete(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // reclaiming is best effort: a leftover directory only takes space
        }
    }

    private static boolean isStale(Path dir) {
        try {
            var recorded = Files.readString(dir.resolve(OWNER), StandardCharsets.UTF_8).strip();
            var pid = Long.parseLong(recorded.substring(0, recorded.indexOf(' ')));
            return ProcessHandle.of(pid).map(p -> !ownerId(p).equals(recorded)).orElse(true);
        } catch (IOException | RuntimeException e) {
            return false; // no owner file yet (being created) or unreadable: leave it alone
        }
    }

    private static String ownerId(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Object::toString).orElse("?");
    }

    /** Mount points at or under {@code dir}, deepest first, detached. */
    private static void unmountUnder(Path dir) throws IOException {
        var prefix = dir.toAbsolutePath().normalize().toString();
        var points = new ArrayList<String>();
        for (var line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
            mountPoint(line).filter(p -> p.equals(prefix) || p.startsWith(prefix + "/")).ifPresent(points::add);
        }
        points.sort(Comparator.comparingInt(String::length).reversed());
        for (var point : points) {
            Mounts.unmountDetached(Path.of(point));
        }
    }

    private static Optional<String> mountPoint(String mountinfoLine) {
        var fields = mountinfoLine.split(" ");
        return fields.length > 4 ? Optional.of(unescape(fields[4])) : Optional.empty();
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
