package dev.kiln.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelGzipOutputStreamTest {
    private static final int BLOCK = ParallelGzipOutputStream.BLOCK_SIZE;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 9 * BLOCK + 12345})
    void outputIsOneValidGzipMemberForJavaAndForGzip(int size) throws Exception {
        byte[] input = mixedData(size, size);
        byte[] gz = compress(input, 7919);

        assertThat(gz[0]).isEqualTo((byte) 0x1f);
        assertThat(gz[1]).isEqualTo((byte) 0x8b);
        assertThat(new byte[] {gz[4], gz[5], gz[6], gz[7]}).containsOnly(0); // mtime 0
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(input);
        }
        Path file = dir.resolve("data.gz");
        Files.write(file, gz);
        assertThat(run("gzip", "-t", file.toString())).isZero();
        Process gunzip = new ProcessBuilder("gzip", "-dc", file.toString()).start();
        assertThat(gunzip.getInputStream().readAllBytes()).isEqualTo(input);
    }

    @ParameterizedTest
    @ValueSource(ints = {3 * BLOCK + 17})
    void outputDependsOnlyOnTheInputNotOnWriteSizesOrTiming(int size) throws Exception {
        byte[] input = mixedData(size, 99);
        byte[] first = compress(input, 1);
        for (int chunk : new int[] {7, 4096, 100_003, size}) {
            assertThat(compress(input, chunk)).isEqualTo(first);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4 * BLOCK})
    void compressesAboutAsWellAsPlainGzip(int size) throws Exception {
        byte[] input = mixedData(size, 5);
        var plain = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(plain)) {
            gz.write(input);
        }
        assertThat((double) compress(input, size).length).isLessThan(plain.size() * 1.02);
    }

    @org.junit.jupiter.api.Test
    void randomBlocksAreStoredAndEverythingElseStillCompresses() throws Exception {
        byte[] random = new byte[3 * BLOCK];
        new Random(42).nextBytes(random);
        byte[] text = new byte[3 * BLOCK];
        for (int i = 0; i < text.length; i++) text[i] = (byte) ("Kiln builds images, " + i / 1000).charAt(i % 20);
        assertThat(ParallelGzipOutputStream.looksRandom(random, BLOCK)).isTrue();
        assertThat(ParallelGzipOutputStream.looksRandom(text, BLOCK)).isFalse();
        assertThat(ParallelGzipOutputStream.looksRandom(mixedData(BLOCK, 3), BLOCK)).isFalse();

        byte[] both = new byte[random.length + text.length];
        System.arraycopy(random, 0, both, 0, random.length);
        System.arraycopy(text, 0, both, random.length, text.length);
        byte[] gz = compress(both, 65536);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(both);
        }
        // the random half costs its size plus stored-block headers; the text half shrinks to almost nothing
        assertThat(gz.length).isBetween(random.length, random.length + random.length / 100);
        Path file = dir.resolve("both.gz");
        Files.write(file, gz);
        assertThat(run("gzip", "-t", file.toString())).isZero();
    }

    /** Text-like runs mixed with random bytes, so both deflate paths (matches, literals) are used. */
    static byte[] mixedData(int size, long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[size];
        int i = 0;
        while (i < size) {
            int run = Math.min(size - i, 1 + random.nextInt(4000));
            if (random.nextBoolean()) {
                byte[] noise = new byte[run];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, data, i, run);
            } else {
                for (int j = 0; j < run; j++) {
                    data[i + j] = (byte) ("the quick brown fox ".charAt((i + j) % 20));
                }
            }
            i += run;
        }
        return data;
    }

    private static byte[] compress(byte[] input, int writeSize) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new ParallelGzipOutputStream(out, Deflater.DEFAULT_COMPRESSION)) {
            for (int off = 0; off < input.length; off += writeSize) {
                gz.write(input, off, Math.min(writeSize, input.length - off));
            }
        }
        return out.toByteArray();
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
