package dev.kiln.solve;

import dev.kiln.dockerfile.instructions.Arg;
import dev.kiln.dockerfile.instructions.ArgDefinition;
import dev.kiln.dockerfile.instructions.Cmd;
import dev.kiln.dockerfile.instructions.CommandLine;
import dev.kiln.dockerfile.instructions.Entrypoint;
import dev.kiln.dockerfile.instructions.Env;
import dev.kiln.dockerfile.instructions.Expose;
import dev.kiln.dockerfile.instructions.Healthcheck;
import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.dockerfile.instructions.Label;
import dev.kiln.dockerfile.instructions.Maintainer;
import dev.kiln.dockerfile.instructions.Onbuild;
import dev.kiln.dockerfile.instructions.Shell;
import dev.kiln.dockerfile.instructions.StopSignal;
import dev.kiln.dockerfile.instructions.User;
import dev.kiln.dockerfile.instructions.Volume;
import dev.kiln.dockerfile.instructions.Workdir;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.ImageConfig.Container;
import dev.kiln.image.ImageConfig.History;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The image configuration of one stage while its instructions are dispatched, changed as
 * BuildKit's dockerfile2llb changes it, with the same history entries
 * ({@code created_by} texts, {@code empty_layer}, comment {@code buildkit.dockerfile.v0}).
 */
final class StageConfig {
    static final String HISTORY_COMMENT = "buildkit.dockerfile.v0";
    private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    private ImageConfig config;
    private final Instant created;
    private final List<ArgDefinition> buildArgs = new ArrayList<>();
    private boolean cmdSet;

    /**
     * @param base    the base's configuration (an image's, a stage's, or an empty one for scratch)
     * @param created the time written into history entries (SOURCE_DATE_EPOCH or 0)
     */
    StageConfig(ImageConfig base, Instant created) {
        this.created = created;
        var container = base.config();
        if (container.env().stream().noneMatch(e -> e.startsWith("PATH="))) {
            container = withEnv(container, "PATH", ImageConfig.DEFAULT_PATH);
        }
        this.config = base.withCreated(null).withConfig(withOnBuild(container, List.of()));
    }

    ImageConfig config() {
        return config;
    }

    /** The stage's ARGs so far with their values, as RUN history records them ({@code |N K=V ...}). */
    List<ArgDefinition> buildArgs() {
        return List.copyOf(buildArgs);
    }

    /** The shell for shell-form commands: the stage's SHELL or {@code /bin/sh -c}. */
    List<String> shell() {
        return config.config().shell().isEmpty() ? DEFAULT_SHELL : config.config().shell();
    }

    /** argv for a command: exec form as given, shell form through the stage's shell. */
    List<String> argv(CommandLine command) {
        if (!command.prependShell()) {
            return command.args();
        }
        var argv = new ArrayList<>(shell());
        argv.add(String.join(" ", command.args()));
        return argv;
    }

    /** Records a step that made a layer. */
    void addLayer(Digest diffId, String createdBy) {
        config = config.withLayer(diffId, history(createdBy));
    }

    /** Records a step that made no layer. */
    void addEmptyHistory(String createdBy) {
        config = config.withEmptyLayerHistory(history(createdBy));
    }

    /** Applies a metadata instruction (everything but RUN, COPY, ADD and WORKDIR's directory). */
    void apply(Instruction instruction) {
        var c = config.config();
        switch (instruction) {
            case Env env -> {
                var text = new StringBuilder("ENV");
                for (var kv : env.variables()) {
                    c = withEnv(c, kv.key(), kv.value());
                    text.append(' ').append(kv.key()).append('=').append(kv.value());
                }
                commit(c, text.toString());
            }
            case Label label -> {
                var labels = new TreeMap<>(c.labels());
                var text = new StringBuilder("LABEL");
                for (var kv : label.labels()) {
                    labels.put(kv.key(), kv.value());
                    text.append(' ').append(kv.key()).append('=').append(kv.value());
                }
                commit(copy(c).labels(labels).build(), text.toString());
            }
            case Maintainer m -> {
                config = new ImageConfig(config.created(), m.maintainer(), config.architecture(), config.os(),
                        config.osVersion(), config.osFeatures(), config.variant(), c, config.rootfs(), config.history());
                addEmptyHistory("MAINTAINER " + m.maintainer());
            }
            case Expose expose -> {
                var ports = Ports.parse(expose.ports(), expose.range());
                var all = new TreeSet<>(c.exposedPorts());
                all.addAll(ports);
                commit(copy(c).exposedPorts(all).build(), "EXPOSE " + GoText.list(ports));
            }
            case Cmd cmd -> {
                var argv = argv(cmd.command());
                cmdSet = true;
                commit(copy(c).cmd(argv).argsEscaped(true).build(), "CMD " + GoText.quotedList(argv));
            }
            case Entrypoint entrypoint -> {
                var argv = argv(entrypoint.command());
                var builder = copy(c).entrypoint(argv);
                if (!cmdSet) {
                    builder.cmd(List.of());
                }
                commit(builder.build(), "ENTRYPOINT " + GoText.quotedList(argv));
            }
            case User user -> commit(copy(c).user(user.user()).build(), "USER " + user.user());
            case Volume volume -> {
                var all = new TreeSet<>(c.volumes());
                for (var v : volume.volumes()) {
                    if (v.isEmpty()) {
                        throw new InstructionException(volume.range(), "VOLUME specified can not be an empty string");
                    }
                    all.add(v);
                }
                commit(copy(c).volumes(all).build(), "VOLUME " + GoText.list(volume.volumes()));
            }
            case StopSignal signal -> {
                if (!StopSignals.isValid(signal.signal())) {
                    throw new InstructionException(signal.range(), "Invalid signal: " + signal.signal());
                }
                commit(copy(c).stopSignal(signal.signal()).build(), "STOPSIGNAL " + signal.signal());
            }
            case Shell shell -> commit(copy(c).shell(shell.shell()).build(), "SHELL " + GoText.list(shell.shell()));
            case Healthcheck hc -> {
                var health = new ImageConfig.Healthcheck(hc.test(), hc.interval(), hc.timeout(), hc.startPeriod(),
                        hc.startInterval(), hc.retries());
                commit(copy(c).healthcheck(health).build(), "HEALTHCHECK " + healthText(health));
            }
            case Onbuild onbuild -> {
                var triggers = new ArrayList<>(c.onBuild());
                triggers.add(onbuild.expression());
                config = config.withConfig(withOnBuild(c, triggers));
            }
            case Arg arg -> {
                var text = new ArrayList<String>();
                for (var d : arg.definitions()) {
                    buildArgs.removeIf(existing -> existing.name().equals(d.name()));
                    buildArgs.add(d);
                    text.add(d.name() + d.defaultValue().map(v -> "=" + v).orElse(""));
                }
                addEmptyHistory("ARG " + String.join(" ", text));
            }
            case Workdir workdir -> config = config.withConfig(copy(c).workingDir(workdir.path()).build());
            default -> throw new IllegalArgumentException("not a metadata instruction: " + instruction.keyword());
        }
    }

    private void commit(Container container, String createdBy) {
        config = config.withConfig(container);
        addEmptyHistory(createdBy);
    }

    private History history(String createdBy) {
        return new History(created, createdBy, "", HISTORY_COMMENT, false);
    }

    private static String healthText(ImageConfig.Healthcheck h) {
        return "{Test:" + GoText.list(h.test()) + " Interval:" + GoText.duration(h.interval())
                + " Timeout:" + GoText.duration(h.timeout()) + " StartPeriod:" + GoText.duration(h.startPeriod())
                + " StartInterval:" + GoText.duration(h.startInterval()) + " Retries:" + h.retries() + "}";
    }

    static Container withEnv(Container c, String key, String value) {
        var env = new ArrayList<String>();
        boolean replaced = false;
        for (var entry : c.env()) {
            var name = entry.contains("=") ? entry.substring(0, entry.indexOf('=')) : entry;
            if (!replaced && name.equals(key)) {
                env.add(key + "=" + value);
                replaced = true;
            } else {
                env.add(entry);
            }
        }
        if (!replaced) {
            env.add(key + "=" + value);
        }
        return copy(c).env(env).build();
    }

    private static Container withOnBuild(Container c, List<String> onBuild) {
        return copy(c).onBuild(onBuild).build();
    }

    static ContainerBuilder copy(Container c) {
        return new ContainerBuilder(c);
    }
}
