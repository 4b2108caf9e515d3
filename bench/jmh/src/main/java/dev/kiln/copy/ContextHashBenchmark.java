package dev.kiln.copy;

import dev.kiln.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hashing a build context of 5,000 small files in 50 folders plus one 16 MiB file: reading every
 * byte each time, through a warm {@link StatCache} (what a rebuild does when something changed),
 * and the stat-only {@link ContextFingerprint} that lets a no-change rebuild skip both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class ContextHashBenchmark {
    private Path context;
    private StatCache warmCache;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        context = Files.createTempDirectory("kiln-context-bench");
        for (int d = 0; d < 50; d++) {
            var dir = Files.createDirectories(context.resolve("d" + d));
            for (int f = 0; f < 100; f++) {
                Files.writeString(dir.resolve("f" + f + ".txt"), "file " + d + "/" + f + "\n", StandardCharsets.UTF_8);
            }
        }
        var big = new byte[16 << 20];
        new java.util.Random(7).nextBytes(big);
        Files.write(context.resolve("big.bin"), big);
        // the stat cache does not trust files changed in the last few seconds (mtime or ctime)
        try {
            Thread.sleep(4_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        warmCache = StatCache.load(context.resolveSibling(context.getFileName() + ".statcache"));
        TreeDigest.of(context, "", ContextFilter.NONE, warmCache);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(context)) {
            for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public Digest readingEveryByte() {
        return TreeDigest.of(context, "", ContextFilter.NONE, ContentDigests.STREAMED);
    }

    @Benchmark
    public Digest throughTheStatCache() {
        return TreeDigest.of(context, "", ContextFilter.NONE, warmCache);
    }

    @Benchmark
    public ContextFingerprint statFingerprintOnly() {
        return ContextFingerprint.of(context, ContextFilter.NONE);
    }
}
