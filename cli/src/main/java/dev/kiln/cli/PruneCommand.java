package dev.kiln.cli;

import dev.kiln.store.GarbageCollector;
import dev.kiln.store.PruneReport;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln prune}: deletes every blob no named image uses, and says how much space that freed. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Remove blobs that no named image uses.")
public final class PruneCommand implements Callable<Integer> {
    @Option(names = {"-f", "--force"}, description = "Accepted for docker compatibility; kiln never prompts.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PruneReport report = GarbageCollector.prune(CliEnvironment.openStore(), Duration.ZERO);
        var out = spec.commandLine().getOut();
        if (!report.removed().isEmpty()) {
            out.println("Deleted blobs:");
            report.removed().forEach(d -> out.println("deleted: " + d));
            out.println();
        }
        out.println("Total reclaimed space: " + HumanUnits.size(report.reclaimedBytes()));
        out.flush();
        return 0;
    }
}
