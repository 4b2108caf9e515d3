package dev.kiln.image.layer;

import dev.kiln.image.Digest;
import dev.kiln.image.DigestingOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * SHA-256 over 64 MiB: the JDK's MessageDigest (intrinsics where the CPU has SHA extensions)
 * directly, and through Kiln's {@link DigestingOutputStream} as the layer and blob writers use it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class Sha256Benchmark {
    private static final int SIZE = 64 << 20;
    private static final int CHUNK = 64 << 10;

    private byte[] input;

    @Setup(Level.Trial)
    public void setUp() {
        input = Payloads.bytes(Payloads.Kind.RANDOM, SIZE, 7);
    }

    @Benchmark
    public byte[] messageDigest() throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int off = 0; off < input.length; off += CHUNK) {
            sha.update(input, off, Math.min(CHUNK, input.length - off));
        }
        return sha.digest();
    }

    @Benchmark
    public Digest digestingOutputStream() throws IOException {
        try (var out = new DigestingOutputStream(new NullOutputStream())) {
            for (int off = 0; off < input.length; off += CHUNK) {
                out.write(input, off, Math.min(CHUNK, input.length - off));
            }
            return out.digest();
        }
    }
}
