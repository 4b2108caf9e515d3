package dev.kiln.cli;

import dev.kiln.KilnException;
import dev.kiln.exec.ExecSpec;
import dev.kiln.image.Platform;
import dev.kiln.image.layer.LayerOptions;
import dev.kiln.plan.BuildRequest;
import dev.kiln.snapshot.Snapshotter;
import dev.kiln.solve.BuildOptions;
import dev.kiln.solve.BuildServices;
import dev.kiln.solve.Solver;
import dev.kiln.solve.mount.BuildSecrets;
import dev.kiln.solve.mount.ContextFilter;
import dev.kiln.solve.mount.RunMountInputs;
import dev.kiln.solve.mount.SshForwards;
import dev.kiln.store.Store;
import dev.kiln.plan.Frontend;
import dev.kiln.plan.PlanPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kiln build}: flags spelled as {@code docker build}'s. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build an image from a Dockerfile.")
public final class BuildCommand implements Callable<Integer> {
    enum ProgressMode { auto, tty, plain, json }

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Name of the Dockerfile (default: CONTEXT/Dockerfile); '-' reads it from stdin.")
    String file;

    @Option(names = {"-t", "--tag"}, paramLabel = "NAME", description = "Name and optionally a tag (name:tag). Repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--target", paramLabel = "STAGE", description = "Set the target build stage to build.")
    String target;

    @Option(names = "--build-arg", paramLabel = "K[=V]", description = "Set a build-time variable. Repeatable.")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--no-cache", description = "Do not use cache when building the image.")
    boolean noCache;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress output: auto, tty, plain or json (default: ${DEFAULT-VALUE}).")
    ProgressMode progress;

    @Option(names = "--dry-run", description = "Print the build plan and exit without building.")
    boolean dryRun;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "Set the target platform for the build (default: the machine's).")
    String platform;

    @Option(names = "--secret", paramLabel = "id=ID[,src=FILE|,env=VAR]",
            description = "A secret for RUN --mount=type=secret (docker's syntax). Repeatable.")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--ssh", paramLabel = "default|ID[=SOCKET|KEY[,KEY]]",
            description = "An SSH agent socket or keys for RUN --mount=type=ssh; 'default' is $SSH_AUTH_SOCK. Repeatable.")
    List<String> ssh = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "CONTEXT", description = "The build context directory.")
    Path context;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        checkContext();
        var dockerfile = DockerfileSource.locate(file, context, System.in);
        var plan = Frontend.plan(dockerfile.displayName(), dockerfile.text(), request());
        if (dryRun) {
            PlanPrinter.print(plan, out);
            PlanPrinter.printWarnings(plan.fileName(), plan.warnings(), err);
            return 0;
        }
        PlanPrinter.printWarnings(plan.fileName(), plan.warnings(), err);
        var store = Store.open(StoreLocation.root());
        var services = new BuildServices(store, LayerOptions.defaults(), Snapshotter.strategyFromEnvironment(),
                notice -> err.println("NOTE: " + notice));
        var result = Solver.build(plan, options(dockerfile), services, new PlainStepLog(err));
        out.println(result.manifest().digest());
        return 0;
    }

    private BuildOptions options(DockerfileSource dockerfile) {
        var target = platform == null ? Platform.current() : Platform.parse(platform);
        return new BuildOptions(context, dockerfile.path(), BuildArgs.parse(buildArgs, System.getenv()), tags,
                Map.of(), ExecSpec.Network.HOST, target, new RunMountInputs(
                        BuildSecrets.parse(secrets, System.getenv()), SshForwards.parse(ssh, System.getenv()),
                        ContextFilter.NONE));
    }

    private BuildRequest request() {
        var host = HostPlatform.current();
        if (platform != null && platform.contains(",")) {
            throw new KilnException("--platform " + platform + ": building for several platforms at once is not "
                    + "supported yet; build once per platform");
        }
        return new BuildRequest(BuildArgs.parse(buildArgs, System.getenv()), Optional.ofNullable(target), host,
                platform == null ? host : platform);
    }

    private void checkContext() {
        if (context.toString().equals("-")) {
            throw new KilnException("reading the build context from standard input is not supported; "
                    + "pass a directory");
        }
        if (!Files.isDirectory(context)) {
            throw new KilnException("build context " + context + " is not a directory");
        }
    }
}
