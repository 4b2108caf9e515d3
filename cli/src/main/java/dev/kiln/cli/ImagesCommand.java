package dev.kiln.cli;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Platform;
import dev.kiln.store.NamedImage;
import dev.kiln.store.Store;
import dev.kiln.transport.ImageGraph;
import dev.kiln.transport.StoredImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln images}: the named images in the local store, as {@code docker images} lists them. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "List images in the local store.")
public final class ImagesCommand implements Callable<Integer> {
    @Option(names = {"-q", "--quiet"}, description = "Only show image IDs.")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Don't truncate image IDs.")
    boolean noTrunc;

    @Spec
    CommandSpec spec;

    private record Row(String repository, String tag, String id, Instant created, long size) {
    }

    @Override
    public Integer call() {
        Store store = CliEnvironment.openStore();
        List<Row> rows = new ArrayList<>();
        for (NamedImage named : store.names().list()) {
            rows.add(row(store, named));
        }
        rows.sort(Comparator.comparing((Row r) -> r.created() == null ? Instant.EPOCH : r.created()).reversed()
                .thenComparing(Row::repository).thenComparing(Row::tag));
        var out = spec.commandLine().getOut();
        if (quiet) {
            new LinkedHashSet<>(rows.stream().map(Row::id).toList()).forEach(out::println);
            out.flush();
            return 0;
        }
        var table = new TextTable("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
        Instant now = Instant.now();
        for (Row r : rows) {
            String created = r.created() == null ? "N/A" : HumanUnits.duration(Duration.between(r.created(), now)) + " ago";
            table.add(r.repository(), r.tag(), r.id(), created, HumanUnits.size(r.size()));
        }
        table.print(out);
        return 0;
    }

    private Row row(Store store, NamedImage named) {
        Descriptor manifest = ImageGraph.manifestFor(store.blobs(), named.target(), Platform.current());
        StoredImage image = StoredImage.read(store.blobs(), manifest);
        String repository = named.name().familiarName();
        String tag = named.name().tagIfPresent().orElse("<none>");
        String id = noTrunc ? image.id().toString() : image.id().encoded().substring(0, 12);
        return new Row(repository, tag, id, image.config().created(), image.contentSize());
    }
}
