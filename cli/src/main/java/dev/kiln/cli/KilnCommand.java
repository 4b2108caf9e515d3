package dev.kiln.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code kiln} command; each subcommand is its own class, added by {@link Subcommands}. */
@Command(name = "kiln",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds container images from Dockerfiles, with no daemon.")
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
