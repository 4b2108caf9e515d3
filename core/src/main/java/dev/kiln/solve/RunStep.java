package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.InlineFile;
import dev.kiln.exec.ExecSpec;
import dev.kiln.image.layer.LayerBlob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/** Runs one RUN over a snapshot of the stage and turns what it changed into one layer. */
final class RunStep {
    private static final int TAIL_LINES = 20;

    private final BuildServices services;
    private final StepLog log;

    RunStep(BuildServices services, StepLog log) {
        this.services = services;
        this.log = log;
    }

    /** Runs the step and returns the layer of what it changed. */
    LayerRef run(RunInvocation invocation, ImageState state, String location, String stepName) {
        var run = invocation.run();
        if (!run.mounts().isEmpty()) {
            throw new KilnException(location + ": RUN --mount is not supported yet (" + run.mountSpecs().getFirst()
                    + "); remove the --mount flag or wait for the RUN --mount support");
        }
        var lowers = state.layers().stream().map(l -> services.snapshots().unpacked(l.blob(), l.diffId())).toList();
        var tail = new OutputTail(TAIL_LINES);
        try (var snapshot = services.snapshotter().prepare(lowers);
             var script = ScriptFile.create(services.workRoot(), invocation.script())) {
            var spec = new ExecSpec(snapshot.root(), invocation.argv(), invocation.env(), invocation.workdir(),
                    UserLookup.in(snapshot.root()).resolve(invocation.user()), invocation.network(),
                    ExecSpec.DEFAULT_HOSTNAME, script.mounts());
            int exit = services.executor().run(spec, (stream, line) -> {
                tail.add(line);
                log.output(stepName, line);
            });
            if (exit != 0) {
                throw new StepFailedException(location, stepName, exit, tail.lines());
            }
            LayerBlob layer = services.layerWriter().write(ChangeEntries.of(snapshot.changes()));
            return new LayerRef(layer.descriptor(), layer.diffId());
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
