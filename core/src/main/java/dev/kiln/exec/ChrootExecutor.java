package dev.kiln.exec;

import dev.kiln.internal.paths.RootedPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a step without an OCI runtime: util-linux {@code unshare} makes new namespaces, a generated script
 * mounts /proc, /dev, /sys and the /etc files, and the process runs chrooted. Weaker than a runtime: the
 * process keeps all of root's capabilities, no cgroup limits apply, and supplementary groups are dropped.
 */
public final class ChrootExecutor implements Executor {
    private final Path workRoot;

    public ChrootExecutor(Path workRoot) {
        this.workRoot = workRoot;
    }

    @Override
    public String isolation() {
        return "chroot (unshare + chroot: no OCI runtime such as runc or crun was found; the step keeps all root "
                + "capabilities, has no cgroup limits and no supplementary groups)";
    }

    @Override
    public int run(ExecSpec spec, OutputListener output) {
        return launch(spec, (command, onInterrupt) -> ProcessRunner.run(command, null, output, onInterrupt));
    }

    @Override
    public int runAttached(ExecSpec spec) {
        return launch(spec, ProcessRunner::runAttached);
    }

    private int launch(ExecSpec spec, RuncExecutor.Launcher launcher) {
        Path root = spec.rootfs().toAbsolutePath();
        Path dir = RuncExecutor.Bundles.create(workRoot, "chroot-");
        try (MountStubs stubs = MountStubs.before(root, RuntimeSpec.destinations(spec))) {
            RootPaths.mkdirs(root, spec.cwd());
            for (String d : List.of("/proc", "/dev", "/sys")) RootPaths.mkdirs(root, d);
            String script = ChrootScript.of(spec, root, binds(root, spec, EtcFiles.write(dir, spec)), tmpfs(root, spec));
            // --kill-child: when unshare dies (e.g. Kiln is interrupted), the namespace's pid 1 and all under it go too
            List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--ipc", "--uts", "--fork",
                    "--kill-child", "--propagation", "private"));
            if (spec.network() == ExecSpec.Network.NONE) command.add("--net");
            command.addAll(List.of("--", "/bin/sh", "-c", script, "kiln-chroot"));
            command.addAll(ChrootScript.arguments(spec, root));
            return launcher.launch(command, () -> {});
        } finally {
            RuncExecutor.Bundles.delete(dir);
        }
    }

    private static List<ChrootScript.ResolvedBind> binds(Path root, ExecSpec spec, EtcFiles etc) {
        List<ChrootScript.ResolvedBind> binds = new ArrayList<>(List.of(
                new ChrootScript.ResolvedBind(etc.hosts(), mountFile(root, "/etc/hosts"), true),
                new ChrootScript.ResolvedBind(etc.resolvConf(), mountFile(root, "/etc/resolv.conf"), true)));
        for (ExecSpec.BindMount m : spec.mounts()) {
            Path target = Files.isDirectory(m.source()) ? RootPaths.mkdirs(root, m.destination())
                    : mountFile(root, m.destination());
            binds.add(new ChrootScript.ResolvedBind(m.source().toAbsolutePath(), target, m.readOnly()));
        }
        return binds;
    }

    private static List<ChrootScript.ResolvedTmpfs> tmpfs(Path root, ExecSpec spec) {
        return spec.tmpfs().stream()
                .map(t -> new ChrootScript.ResolvedTmpfs(RootPaths.mkdirs(root, t.destination()), t.options()))
                .toList();
    }

    /** The host path of a file mount point in the root, created empty when missing. */
    private static Path mountFile(Path root, String containerPath) {
        Path file = RootedPaths.onHost(root, containerPath);
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) Files.createFile(file);
            return file;
        } catch (IOException e) {
            throw new ExecException("cannot create mount point " + containerPath + " in the step's root: "
                    + e.getMessage(), e);
        }
    }
}
