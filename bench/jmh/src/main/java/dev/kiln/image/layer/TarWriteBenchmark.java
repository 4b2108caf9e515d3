package dev.kiln.image.layer;

import dev.kiln.image.MediaType.Compression;
import dev.kiln.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tar writing, uncompressed: the reproducible tar writer alone (into a counting sink) and the whole
 * {@link LayerWriter} pass (tar, diffID hash, blob written into a store on disk).
 * Shapes: 5,000 files of 1 KiB (header-bound, like copy-heavy's text files) or one 64 MiB file (copy-bound).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class TarWriteBenchmark {
    @Param({"5000x1KiB", "1x64MiB"})
    public String shape;

    private List<LayerEntry> ordered;
    private Path storeRoot;
    private Store store;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ordered = LayerPlan.order(switch (shape) {
            case "5000x1KiB" -> Payloads.files(5000, 1024, Payloads.Kind.TEXT);
            case "1x64MiB" -> Payloads.files(1, 64 << 20, Payloads.Kind.RANDOM);
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        });
        storeRoot = Files.createTempDirectory("kiln-jmh-store");
        store = Store.open(storeRoot);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> paths = Files.walk(storeRoot)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long tarWriterToNull() throws IOException {
        var sink = new NullOutputStream();
        new LayerTarWriter(0).write(ordered, sink);
        return sink.count();
    }

    @Benchmark
    public LayerBlob layerWriterUncompressed() {
        return new LayerWriter(store.blobs(), new LayerOptions(Compression.NONE, 0)).write(ordered);
    }
}
