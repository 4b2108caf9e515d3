package dev.kiln.cli;

import dev.kiln.KilnException;
import dev.kiln.transport.OutputSpec;
import dev.kiln.exec.ExecSpec;
import dev.kiln.image.MediaType;
import dev.kiln.image.Platform;
import dev.kiln.image.layer.LayerOptions;
import dev.kiln.plan.BuildPlan;
import dev.kiln.plan.BuildRequest;
import dev.kiln.plan.Frontend;
import dev.kiln.plan.PlanPrinter;
import dev.kiln.snapshot.Snapshotter;
import dev.kiln.solve.BuildOptions;
import dev.kiln.solve.BuildServices;
import dev.kiln.solve.Solver;
import dev.kiln.solve.mount.BuildSecrets;
import dev.kiln.copy.BuildContext;
import dev.kiln.solve.mount.RunMountInputs;
import dev.kiln.solve.mount.SshForwards;
import dev.kiln.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code kiln build}: flags spelled as {@code docker build}'s. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Build an image from a Dockerfile.")
public final class BuildCommand implements Callable<Integer> {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Name of the Dockerfile (default: CONTEXT/Dockerfile); '-' reads it from stdin.")
    String file;

    @Option(names = {"-t", "--tag"}, paramLabel = "NAME", description = "Name and optionally a tag (name:tag). Repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--target", paramLabel = "STAGE", description = "Set the target build stage to build.")
    String target;

    @Option(names = "--build-arg", paramLabel = "K[=V]", description = "Set a build-time variable. Repeatable.")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--label", paramLabel = "K=V", description = "Set a label on the final image. Repeatable.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "Set the target platform for the build (default: the machine's).")
    String platform;

    @Option(names = "--no-cache", description = "Do not use cache when building the image.")
    boolean noCache;

    @Option(names = "--no-cache-filter", paramLabel = "STAGE", split = ",",
            description = "Do not use the cache for these stages. Repeatable.")
    List<String> noCacheFilter = new ArrayList<>();

    @Option(names = "--pull", description = "Always fetch base images from their registry.")
    boolean pull;

    @Option(names = "--push", description = "Push every -t name to its registry after a successful build.")
    boolean push;

    @Option(names = "--network", paramLabel = "MODE", defaultValue = "default",
            description = "Network for RUN steps: default (the host's), host or none.")
    String network;

    @Option(names = "--runtime", paramLabel = "RUNTIME",
            description = "How RUN steps are isolated: runc, crun, a runtime's path, or chroot (default: runc, "
                    + "else crun, else chroot).")
    String runtime;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "How many steps may run at once (default: the number of cores).")
    Integer jobs;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress output: auto, tty, plain, json or quiet (default: ${DEFAULT-VALUE}).")
    String progress;

    @Option(names = {"-q", "--quiet"},
            description = "Suppress the build output and print the image ID (config digest) on success.")
    boolean quiet;

    @Option(names = "--compression", paramLabel = "gzip|zstd|uncompressed", defaultValue = "gzip",
            description = "How new layers are compressed (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--dry-run", description = "Print the build plan and exit without building.")
    boolean dryRun;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--secret", paramLabel = "id=ID[,src=FILE|,env=VAR]",
            description = "A secret for RUN --mount=type=secret (docker's syntax). Repeatable.")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--ssh", paramLabel = "default|ID[=SOCKET|KEY[,KEY]]",
            description = "An SSH agent socket or keys for RUN --mount=type=ssh; 'default' is $SSH_AUTH_SOCK. Repeatable.")
    List<String> ssh = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "CONTEXT", description = "The build context directory.")
    Path context;

    @Mixin
    BuildOutputOptions output = new BuildOutputOptions();

    @Spec
    CommandSpec spec;

    private final ContextPrefetch prefetch;

    BuildCommand() {
        this(ContextPrefetch.NONE);
    }

    /** A build that may use a context walk started before its arguments were parsed. */
    BuildCommand(ContextPrefetch prefetch) {
        this.prefetch = prefetch;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        ImagePush.requireTags(push, tags);
        checkContext();
        var dockerfile = DockerfileSource.locate(file, context, System.in);
        var buildContext = prefetch.walkFor(context, dockerfile.path()).orElseGet(() -> {
            var opened = BuildContext.open(context, dockerfile.path());
            return dryRun ? opened : opened.walkInBackground();
        });
        var plan = plan(dockerfile, buildContext, err);
        if (dryRun) {
            PlanPrinter.print(plan, out);
            PlanPrinter.printWarnings(plan.fileName(), plan.warnings(), err);
            return 0;
        }
        var outputs = output.specs(tags);
        var pushes = new java.util.LinkedHashSet<>(output.namesToPush(tags));
        var result = build(plan, buildContext);
        output.export(CliEnvironment.openStore(), result.manifest(), result.config().digest(), tags, System.out);
        if (push) {
            pushes.addAll(tags);
        }
        if (!pushes.isEmpty()) {
            ImagePush.pushTags(List.copyOf(pushes), registry, err);
        }
        if (outputs.stream().noneMatch(OutputSpec::toStdout)) {
            out.println(quiet ? result.config().digest() : result.manifest().digest());
        }
        return 0;
    }

    /** The plan, with the context's .dockerignore for CopyIgnoredFile; with check=error=true, the warnings first. */
    private BuildPlan plan(DockerfileSource dockerfile, BuildContext buildContext, java.io.PrintWriter err) {
        try {
            return Frontend.plan(dockerfile.displayName(), dockerfile.text(), request(),
                    buildContext.ignorePatterns());
        } catch (dev.kiln.dockerfile.lint.LintViolationException e) {
            PlanPrinter.printWarnings(dockerfile.displayName(), e.warnings(), err);
            throw e;
        }
    }

    private dev.kiln.solve.BuildResult build(BuildPlan plan, BuildContext buildContext) {
        var err = spec.commandLine().getErr();
        try (var progressOutput = ProgressOutput.open(quiet ? "quiet" : progress, err)) {
            var store = CliEnvironment.openStore();
            var services = new BuildServices(store, layerOptions(), Snapshotter.strategyFromEnvironment(),
                    runtime, progressOutput::notice, registry.clientOptions());
            var result = Solver.build(plan, options(buildContext), services, progressOutput.log());
            progressOutput.finished(result, store, tags);
            progressOutput.warnings(plan);
            return result;
        }
    }

    /** New layers compressed as {@code --compression} says, dated SOURCE_DATE_EPOCH (or 0). */
    private LayerOptions layerOptions() {
        var chosen = switch (compression) {
            case "gzip" -> MediaType.Compression.GZIP;
            case "zstd" -> MediaType.Compression.ZSTD;
            case "uncompressed" -> MediaType.Compression.NONE;
            default -> throw new KilnException("--compression " + compression
                    + " is not supported; use gzip, zstd or uncompressed");
        };
        return new LayerOptions(chosen, LayerOptions.sourceDateEpoch(CliEnvironment.get("SOURCE_DATE_EPOCH")));
    }

    private BuildRequest request() {
        var host = Platform.current().normalized().toString();
        if (platform != null && platform.contains(",")) {
            throw new KilnException("--platform " + platform + ": building for several platforms at once is not "
                    + "supported yet; build once per platform");
        }
        var targetPlatform = platform == null ? host : Platform.parse(platform).normalized().toString();
        return new BuildRequest(BuildArgs.parse(buildArgs, System.getenv()), Optional.ofNullable(target), host,
                targetPlatform);
    }

    private BuildOptions options(BuildContext buildContext) {
        var targetPlatform = platform == null ? Platform.current().normalized() : Platform.parse(platform).normalized();
        return new BuildOptions(buildContext, BuildArgs.parse(buildArgs, System.getenv()), tags,
                KeyValues.parse("--label", labels), networkMode(), targetPlatform, noCache,
                noCacheFilter.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                jobs == null ? Runtime.getRuntime().availableProcessors() : jobs, pull, new RunMountInputs(
                        BuildSecrets.parse(secrets, System.getenv()), SshForwards.parse(ssh, System.getenv()),
                        buildContext.filter()));
    }

    private ExecSpec.Network networkMode() {
        return switch (network) {
            case "default", "host" -> ExecSpec.Network.HOST;
            case "none" -> ExecSpec.Network.NONE;
            default -> throw new KilnException("--network " + network + " is not supported; use default, host or none");
        };
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
