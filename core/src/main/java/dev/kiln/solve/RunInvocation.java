package dev.kiln.solve;

import dev.kiln.dockerfile.instructions.ArgDefinition;
import dev.kiln.dockerfile.instructions.CommandLine;
import dev.kiln.dockerfile.instructions.InlineFile;
import dev.kiln.dockerfile.instructions.NetworkMode;
import dev.kiln.dockerfile.instructions.Run;
import dev.kiln.exec.ExecSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a RUN step's result depends on, worked out before it runs: the argv (through the
 * stage's shell), the environment, user, working directory and network — its cache key and its
 * history text come from here.
 */
record RunInvocation(Run run, List<String> argv, Optional<InlineFile> script, List<String> env, String user,
                     String workdir, ExecSpec.Network network, String createdBy) {

    static RunInvocation of(Run run, StageConfig config, Map<String, String> variables, ExecSpec.Network network) {
        var command = RunCommand.of(run.command());
        var argv = run.command().prependShell()
                ? config.argv(new CommandLine(command.args(), true, List.of())) : command.args();
        var env = variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        var container = config.config().config();
        var workdir = container.workingDir().isEmpty() ? "/" : container.workingDir();
        var effectiveNetwork = run.network() == NetworkMode.NONE ? ExecSpec.Network.NONE : network;
        var createdBy = "RUN " + historyText(argv, config.buildArgs(), variables) + " # buildkit";
        return new RunInvocation(run, argv, command.script(), env, container.user(), workdir, effectiveNetwork,
                createdBy);
    }

    /**
     * @param boundContent what the bind mounts hold ({@link CopyStep#bindMountKeys}); cache, secret,
     *                     ssh and tmpfs mounts enter only as written, never by content
     */
    CacheKey key(CacheKey parent, List<String> boundContent) {
        var builder = parent.child("run").add(argv).add(env).add(user).add(workdir).add(network.name())
                .add(run.mountSpecs()).add(boundContent).add(run.security().name());
        script.ifPresent(s -> builder.add(s.name()).add(s.data()));
        return builder.build();
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
}
