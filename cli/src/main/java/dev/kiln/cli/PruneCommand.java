package dev.kiln.cli;

import dev.kiln.KilnException;
import dev.kiln.image.Digest;
import dev.kiln.image.Descriptor;
import dev.kiln.store.BuildLease;
import dev.kiln.store.Store;
import dev.kiln.snapshot.LayerSnapshots;
import dev.kiln.solve.BuildCache;
import dev.kiln.solve.LayerRef;
import dev.kiln.transport.ImageGraph;
import dev.kiln.transport.StoredImage;
import dev.kiln.store.GarbageCollector;
import dev.kiln.store.PruneReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kiln prune}: removes build cache records ({@code --filter until=} and {@code --keep-storage}
 * choose which, as {@code docker builder prune}), then every blob neither a named image nor a
 * remaining cache record uses, and says how much space that freed. Waits for running builds.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Remove the build cache and blobs that no named image uses.")
public final class PruneCommand implements Callable<Integer> {
    @Option(names = {"-f", "--force"}, description = "Accepted for docker compatibility; kiln never prompts.")
    boolean force;

    @Option(names = {"-a", "--all"}, description = "Accepted for docker compatibility (docker builder prune --all): "
            + "kiln always removes all unused build cache.")
    boolean all;

    @Option(names = "--keep-storage", paramLabel = "SIZE",
            description = "Keep the most recently used build cache up to SIZE (e.g. 500MB, 2GB).")
    String keepStorage;

    @Option(names = "--filter", paramLabel = "until=DURATION",
            description = "Only remove build cache unused for DURATION (e.g. 24h, 30m, 7d).")
    List<String> filters = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var store = CliEnvironment.openStore();
        var cache = new BuildCache(store.root().resolve("cache"), store.blobs());
        var until = until();
        long keepBytes = keepStorage == null ? -1 : HumanUnits.parseSize(keepStorage);
        PruneReport report;
        try (var noBuilds = BuildLease.exclusive(store)) {
            var keep = cache.prune(until, keepBytes);
            report = GarbageCollector.prune(store, Duration.ZERO, keep.stream().map(LayerRef::blob).toList());
            var diffIds = new HashSet<Digest>();
            keep.forEach(layer -> diffIds.add(layer.diffId()));
            store.names().list().forEach(named -> diffIds.addAll(diffIdsOf(store, named.target())));
            new LayerSnapshots(store.root().resolve("snapshots"), store.blobs()).retainOnly(diffIds);
        }
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

    /** The layers (by diffID) of every platform's manifest of a named image. */
    private static List<Digest> diffIdsOf(Store store, Descriptor target) {
        var ids = new ArrayList<Digest>();
        for (var blob : ImageGraph.blobs(store.blobs(), target)) {
            if (blob.mediaType().isManifest()) {
                ids.addAll(StoredImage.read(store.blobs(), blob).config().rootfs().diffIds());
            }
        }
        return ids;
    }

    private Duration until() {
        Duration until = null;
        for (var filter : filters) {
            if (!filter.startsWith("until=")) {
                throw new KilnException("--filter " + filter + " is not supported; use until=DURATION (e.g. until=24h)");
            }
            until = Durations.parse(filter.substring("until=".length()));
        }
        return until;
    }
}
