package dev.kiln.image.layer;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Layer compression of 32 MiB: the JDK's single-threaded gzip, Kiln's {@link ParallelGzipOutputStream}
 * (pigz-style, one block per core) and zstd level 3 (what {@link LayerWriter} uses), all at the
 * default deflate level, written in 64 KiB chunks as the tar writer's buffer does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class CompressionBenchmark {
    private static final int SIZE = 32 << 20;
    private static final int CHUNK = 64 << 10;

    @Param({"TEXT", "RANDOM"})
    public String data;

    private byte[] input;

    @Setup(Level.Trial)
    public void setUp() {
        input = Payloads.bytes(Payloads.Kind.valueOf(data), SIZE, 42);
    }

    @Benchmark
    public long gzipSingle() throws IOException {
        var sink = new NullOutputStream();
        try (var gzip = new GZIPOutputStream(sink, CHUNK)) {
            feed(gzip);
        }
        return sink.count();
    }

    @Benchmark
    public long gzipParallel() throws IOException {
        var sink = new NullOutputStream();
        try (var gzip = new ParallelGzipOutputStream(sink, Deflater.DEFAULT_COMPRESSION)) {
            feed(gzip);
        }
        return sink.count();
    }

    @Benchmark
    public long zstd() throws IOException {
        var sink = new NullOutputStream();
        try (var zstd = new ZstdOutputStream(sink, 3)) {
            feed(zstd);
        }
        return sink.count();
    }

    private void feed(OutputStream out) throws IOException {
        for (int off = 0; off < input.length; off += CHUNK) {
            out.write(input, off, Math.min(CHUNK, input.length - off));
        }
    }
}
