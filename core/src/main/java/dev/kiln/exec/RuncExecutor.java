package dev.kiln.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.kiln.internal.cleanup.ShutdownCleanup;
import dev.kiln.internal.json.JsonTrees;

/** Runs a step with an OCI runtime (runc or crun): one bundle, one container, always deleted afterwards. */
public final class RuncExecutor implements Executor {
    private final Path runtime;
    private final Path workRoot;

    /** @param workRoot where bundles are made (e.g. {@code $KILN_HOME/tmp}); each is removed after its step */
    public RuncExecutor(Path runtime, Path workRoot) {
        this.runtime = runtime;
        this.workRoot = workRoot;
    }

    @Override
    public String isolation() {
        return runtime.getFileName() + " (" + runtime + ")";
    }

    @Override
    public int run(ExecSpec spec, OutputListener output) {
        return launch(spec, (command, onInterrupt) -> ProcessRunner.run(command, null, output, onInterrupt));
    }

    @Override
    public int runAttached(ExecSpec spec) {
        return launch(spec, ProcessRunner::runAttached);
    }

    private int launch(ExecSpec spec, Launcher launcher) {
        String id = "kiln-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Path bundle = Bundles.create(workRoot, "bundle-");
        try (var container = ShutdownCleanup.register("container " + id, () -> delete(id));
             MountStubs stubs = MountStubs.before(spec.rootfs(), RuntimeSpec.destinations(spec))) {
            RootPaths.mkdirs(spec.rootfs(), spec.cwd());
            writeConfig(bundle, spec);
            List<String> command = List.of(runtime.toString(), "run", "--bundle", bundle.toString(), id);
            int status = launcher.launch(command, () -> kill(id));
            if (status < 128) { // runc run removed the container as it exited; after a signal, make sure
                container.release();
            }
            return status;
        } finally {
            Bundles.delete(bundle);
        }
    }

    /** Starts the runtime's command and waits for it: with piped output for steps, attached for kiln run. */
    interface Launcher {
        int launch(List<String> command, Runnable onInterrupt);
    }

    private static void writeConfig(Path bundle, ExecSpec spec) {
        EtcFiles etc = EtcFiles.write(bundle, spec);
        try {
            Files.write(bundle.resolve("config.json"), JsonTrees.writeValue(RuntimeSpec.of(spec, etc)));
        } catch (IOException e) {
            throw new ExecException("cannot write the runtime spec into " + bundle + ": " + e.getMessage(), e);
        }
    }

    private void kill(String id) {
        ProcessRunner.capture(List.of(runtime.toString(), "kill", id, "KILL"));
    }

    /** Removes the container even when it never started or is still running. */
    private void delete(String id) {
        String result = ProcessRunner.capture(List.of(runtime.toString(), "delete", "--force", id));
        if (result.startsWith("exit ") && !result.contains("does not exist") && !result.contains("not found")) {
            throw new ExecException("cannot delete container " + id + " with " + runtime + ": " + result.strip());
        }
    }

    /** Bundle directories are plain temp dirs under the work root. */
    static final class Bundles {
        private Bundles() {}

        static Path create(Path workRoot, String prefix) {
            try {
                Files.createDirectories(workRoot);
                return Files.createTempDirectory(workRoot, prefix);
            } catch (IOException e) {
                throw new ExecException("cannot create a directory under " + workRoot + ": " + e.getMessage(), e);
            }
        }

        static void delete(Path dir) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new ExecException("cannot delete " + dir + " after the step: " + e.getMessage(), e);
            }
        }
    }
}
