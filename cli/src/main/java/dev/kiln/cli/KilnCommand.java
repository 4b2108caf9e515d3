package dev.kiln.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code kiln} command; each subcommand is its own class. */
@Command(name = "kiln",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds container images from Dockerfiles, with no daemon.",
        subcommands = {BuildCommand.class, RunCommand.class, ImagesCommand.class, InspectCommand.class, TagCommand.class,
                RmiCommand.class, SaveCommand.class, LoadCommand.class, ImportCommand.class, PruneCommand.class,
                PullCommand.class, PushCommand.class, LoginCommand.class, LogoutCommand.class})
public final class KilnCommand implements Runnable {
    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show stack traces for errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
