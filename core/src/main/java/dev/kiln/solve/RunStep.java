package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.ArgDefinition;
import dev.kiln.dockerfile.instructions.CommandLine;
import dev.kiln.dockerfile.instructions.NetworkMode;
import dev.kiln.dockerfile.instructions.Run;
import dev.kiln.exec.ExecSpec;
import dev.kiln.image.layer.LayerBlob;
import dev.kiln.internal.cleanup.ShutdownCleanup;
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
import java.util.Map;

/** Runs one RUN over a snapshot of the stage and turns what it changed into one layer. */
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

    /** @return the new layer and the history text ({@code RUN ... # buildkit}) */
    Result run(Run run, ImageState state, StageConfig config, Map<String, String> variables, ExecSpec.Network network,
               String location, String stepName) {
        var command = RunCommand.of(run.command());
        var argv = run.command().prependShell()
                ? config.argv(new CommandLine(command.args(), true, List.of())) : command.args();
        var lowers = state.layers().stream().map(l -> services.snapshots().unpacked(l.blob(), l.diffId())).toList();
        var tail = new OutputTail(TAIL_LINES);
        var snapshot = services.snapshotter().prepare(lowers);
        try (var snapshotGuard = ShutdownCleanup.register("the snapshot of " + stepName, snapshot);
             var script = ScriptFile.create(services.workRoot(), command);
             var scriptGuard = ShutdownCleanup.register("the heredoc script of " + stepName, script);
             var stepMounts = prepareMounts(run, config, snapshot.root(), location)) {
            var binds = new ArrayList<>(script.mounts());
            binds.addAll(stepMounts.binds());
            var spec = new ExecSpec(snapshot.root(), argv, stepMounts.environment(env(variables)), workdir(config),
                    UserLookup.in(snapshot.root()).resolve(config.config().config().user()),
                    run.network() == NetworkMode.NONE ? ExecSpec.Network.NONE : network,
                    ExecSpec.DEFAULT_HOSTNAME, binds, stepMounts.tmpfs());
            int exit = services.executor().run(spec, (stream, line) -> {
                tail.add(line);
                log.output(stepName, line);
            });
            if (exit != 0) {
                throw new StepFailedException(location, stepName, exit, tail.lines());
            }
            LayerBlob layer = services.layerWriter().write(ChangeEntries.of(stepMounts.layerChanges(snapshot.changes())));
            return new Result(new LayerRef(layer.descriptor(), layer.diffId()),
                    "RUN " + historyText(argv, config.buildArgs(), variables) + " # buildkit");
        }
    }

    private StepMounts prepareMounts(Run run, StageConfig config, java.nio.file.Path rootfs, String location) {
        try {
            return mounts.prepare(run.mounts(), sources, workdir(config), rootfs);
        } catch (MountException e) {
            throw new KilnException(location + ": " + e.getMessage(), e);
        }
    }

    record Result(LayerRef layer, String createdBy) {}

    private static String workdir(StageConfig config) {
        var dir = config.config().config().workingDir();
        return dir.isEmpty() ? "/" : dir;
    }

    private static List<String> env(Map<String, String> variables) {
        return variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** BuildKit's {@code |N K=V ... argv} form: the stage's build args with their values, then argv. */
    static String historyText(List<String> argv, List<ArgDefinition> buildArgs, Map<String, String> variables) {
        var parts = new ArrayList<String>();
        if (!buildArgs.isEmpty()) {
            parts.add("|" + buildArgs.size());
            for (var arg : buildArgs) {
                var value = variables.containsKey(arg.name()) ? variables.get(arg.name())
                        : arg.defaultValue().orElse("");
                parts.add(arg.name() + "=" + value);
            }
        }
        parts.addAll(argv);
        return String.join(" ", parts);
    }

    /** A heredoc script written to a temp file and mounted read-only where the command expects it. */
    private record ScriptFile(Path file, List<ExecSpec.BindMount> mounts) implements AutoCloseable {
        static ScriptFile create(Path workRoot, RunCommand command) {
            if (command.script().isEmpty()) {
                return new ScriptFile(null, List.of());
            }
            var script = command.script().get();
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
