package dev.kiln.cli;

import dev.kiln.KilnException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Parameters(index = "0", paramLabel = "CONTEXT", description = "The build context directory.")
    Path context;

    @Override
    public Integer call() {
        throw new KilnException("kiln build is not implemented yet");
    }
}
