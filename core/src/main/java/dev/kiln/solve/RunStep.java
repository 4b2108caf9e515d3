package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.InlineFile;
import dev.kiln.exec.ExecSpec;
import dev.kiln.image.layer.LayerBlob;
import dev.kiln.image.layer.LayerWriter;
import dev.kiln.internal.cleanup.ShutdownCleanup;
import dev.kiln.internal.sys.NativeLinks;
import dev.kiln.plan.StepSource;
import dev.kiln.solve.mount.MountException;
import dev.kiln.solve.mount.MountSetup;
import dev.kiln.solve.mount.StepMounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one RUN over a snapshot of the stage, with its {@code --mount}s, and turns what it changed
 * into one layer (mount targets left out). Everything it sets up is undone afterwards, also when
 * the step fails or Kiln is interrupted.
 */
final class RunStep {
    private static final int TAIL_LINES = 20;

    private final BuildServices services;
    private final StepLog log;
    private final MountSetup mounts;
    private final List<StepSource> sources;

    /** @param sources what the RUN's {@code --mount ... from=} values name, in order */
    RunStep(BuildServices services, StepLog log, MountSetup mounts, List<StepSource> sources) {
        this.services = services;
        this.log = log;
        this.mounts = mounts;
        this.sources = sources;
    }

    /** Runs the step and returns the layer of what it changed. */
    LayerRef run(RunInvocation invocation, ImageState state, String location, String stepName, LayerWriter writer) {
        NativeLinks.linkInBackground();
        var lowers = state.layers().stream().map(l -> services.snapshots().unpacked(l.blob(), l.diffId())).toList();
        var tail = new OutputTail(TAIL_LINES);
        var snapshot = services.snapshotter().prepare(lowers);
        try (var snapshotGuard = ShutdownCleanup.register("the snapshot of " + stepName, snapshot);
             var script = ScriptFile.create(services.workRoot(), invocation.script());
             var scriptGuard = ShutdownCleanup.register("the heredoc script of " + stepName, script);
             var stepMounts = prepareMounts(invocation, snapshot.root(), location)) {
            var binds = new ArrayList<>(script.mounts());
            binds.addAll(stepMounts.binds());
            var spec = new ExecSpec(snapshot.root(), invocation.argv(), stepMounts.environment(invocation.env()),
                    invocation.workdir(), UserLookup.in(snapshot.root()).resolve(invocation.user()),
                    invocation.network(), ExecSpec.DEFAULT_HOSTNAME, binds, stepMounts.tmpfs());
            int exit = services.executor().run(spec, (stream, line) -> {
                tail.add(line);
                log.output(stepName, line);
            });
            if (exit != 0) {
                throw new StepFailedException(location, stepName, exit, tail.lines());
            }
            LayerBlob layer = writer.write(
                    ChangeEntries.of(stepMounts.layerChanges(snapshot.changes())));
            return new LayerRef(layer.descriptor(), layer.diffId());
        }
    }

    private StepMounts prepareMounts(RunInvocation invocation, Path rootfs, String location) {
        try {
            return mounts.prepare(invocation.run().mounts(), sources, invocation.workdir(), rootfs);
        } catch (MountException e) {
            throw new KilnException(location + ": " + e.getMessage(), e);
        }
    }

    /** A heredoc script written to a temp file and mounted read-only where the command expects it. */
    private record ScriptFile(Path file, List<ExecSpec.BindMount> mounts) implements AutoCloseable {
        static ScriptFile create(Path workRoot, Optional<InlineFile> heredoc) {
            if (heredoc.isEmpty()) {
                return new ScriptFile(null, List.of());
            }
            var script = heredoc.get();
            try {
                var file = Files.createTempFile(workRoot, "heredoc-", ".sh",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                Files.writeString(file, script.data());
                return new ScriptFile(file, List.of(new ExecSpec.BindMount(file,
                        RunCommand.SCRIPT_DIR + script.name(), true)));
            } catch (IOException e) {
                throw new KilnException("cannot write the heredoc script " + script.name() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a leftover temp file in the work dir is harmless
                }
            }
        }
    }
}
