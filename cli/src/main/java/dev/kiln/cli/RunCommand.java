package dev.kiln.cli;

import dev.kiln.KilnException;
import dev.kiln.exec.ExecSpec;
import dev.kiln.image.Platform;
import dev.kiln.image.layer.LayerOptions;
import dev.kiln.snapshot.Snapshotter;
import dev.kiln.solve.BuildServices;
import dev.kiln.solve.ImageRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import java.util.concurrent.Callable;

/** {@code kiln run}: runs an image from the local store like {@code docker run}, attached to the terminal. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a command in a new container from a local image; exits with the command's exit code.")
public final class RunCommand implements Callable<Integer> {
    enum Network { host, none }

    @Option(names = "--rm", description = "Remove the container when it exits (always done: Kiln keeps no containers).")
    boolean remove;

    @Option(names = "--network", paramLabel = "MODE", defaultValue = "host",
            description = "host (default) or none.")
    Network network;

    @Option(names = {"-e", "--env"}, paramLabel = "K[=V]",
            description = "Set an environment variable; K alone passes Kiln's own value. Repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "USER[:GROUP]", description = "Run as this user (name or id).")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container.")
    String workdir;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "The image variant to run.")
    String platform;

    @Parameters(index = "0", paramLabel = "IMAGE", preprocessor = RestIsTheCommand.class,
            description = "The image's name in the local store.")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "Replaces the image's CMD.")
    List<String> command = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var store = CliEnvironment.openStore();
        var err = spec.commandLine().getErr();
        var services = new BuildServices(store, LayerOptions.defaults(), Snapshotter.strategyFromEnvironment(),
                notice -> err.println("NOTE: " + notice));
        var request = new ImageRunner.Request(image, command, env, Optional.ofNullable(user),
                Optional.ofNullable(workdir), network == Network.none ? ExecSpec.Network.NONE : ExecSpec.Network.HOST,
                platform == null ? Platform.current() : Platform.parse(platform));
        spec.commandLine().getOut().flush();
        return ImageRunner.run(services, request, System.getenv());
    }

    /** As docker: everything after the image name is the command, options included ({@code ls -l}). */
    static final class RestIsTheCommand implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec spec, ArgSpec argSpec, Map<String, Object> info) {
            var run = (RunCommand) spec.userObject();
            if (args.isEmpty()) throw new KilnException("kiln run needs an image name");
            run.image = args.pop();
            while (!args.isEmpty()) run.command.add(args.pop());
            return true;
        }
    }
}
