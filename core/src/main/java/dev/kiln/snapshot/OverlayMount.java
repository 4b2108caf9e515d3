package dev.kiln.snapshot;

import dev.kiln.internal.sys.Errno;
import dev.kiln.internal.sys.FsContext;
import dev.kiln.internal.sys.Mounts;
import dev.kiln.internal.sys.SysException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Mounts overlayfs: with mount(2) when its options fit in the one page it copies, else with the new
 * mount API, which passes each lower with its own {@code lowerdir+} call (Linux 6.8+), so a deep image
 * needs no page. mount(2) comes first because it is one system call to link instead of four: linking
 * a foreign function costs a cold JVM about 7 ms, on the way to every build's first RUN.
 */
final class OverlayMount {
    /** mount(2) copies at most one page of options, the terminating NUL included. */
    static final int LEGACY_OPTIONS_LIMIT = 4095;
    private static final String SOURCE = "kiln-overlay";
    /** Each upper entry must hold its own data and name for the diff: no metacopy, no redirects. */
    private static final String FEATURES = "redirect_dir=off,metacopy=off,index=off";

    private OverlayMount() {}

    static void mount(List<Path> lowersTopFirst, Path upper, Path work, Path target) {
        String options = legacyOptions(lowersTopFirst, upper, work);
        if (options.length() <= LEGACY_OPTIONS_LIMIT) {
            Mounts.mount(SOURCE, target, "overlay", 0, options);
            return;
        }
        if (FsContext.available()) {
            try {
                mountWithFsContext(lowersTopFirst, upper, work, target);
                return;
            } catch (SysException e) {
                if (e.errno() != Errno.ENOSYS && !(e.errno() == Errno.EINVAL && e.getMessage().contains("lowerdir+"))) {
                    throw e;
                }
            }
        }
        throw new SnapshotException("cannot mount " + lowersTopFirst.size() + " layers with mount(2): the "
                + options.length() + "-byte option string exceeds one page; a kernel with the new mount API "
                + "(Linux 6.8+) has no such limit, or use a shorter KILN_HOME path");
    }

    private static void mountWithFsContext(List<Path> lowersTopFirst, Path upper, Path work, Path target) {
        try (FsContext fs = FsContext.open("overlay")) {
            fs.set("source", SOURCE);
            for (Path lower : lowersTopFirst) fs.set("lowerdir+", lower.toString());
            fs.set("upperdir", upper.toString()).set("workdir", work.toString());
            for (String feature : FEATURES.split(",")) {
                String[] kv = feature.split("=");
                fs.set(kv[0], kv[1]);
            }
            fs.mountAt(target);
        }
    }

    static String legacyOptions(List<Path> lowersTopFirst, Path upper, Path work) {
        String lowers = lowersTopFirst.stream().map(p -> escape(p.toString())).collect(Collectors.joining(":"));
        return "lowerdir=" + lowers + ",upperdir=" + escape(upper.toString()) + ",workdir="
                + escape(work.toString()) + "," + FEATURES;
    }

    /** overlayfs splits lowerdir on ':' and options on ','; a backslash keeps them in a path. */
    private static String escape(String path) {
        return path.replace("\\", "\\\\").replace(":", "\\:").replace(",", "\\,");
    }
}
