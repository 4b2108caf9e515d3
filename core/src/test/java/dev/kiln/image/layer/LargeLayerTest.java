package dev.kiln.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers in a separate JVM: a 200 MB layer in a 64 MB heap, and a writer killed mid-layer. */
class LargeLayerTest {
    private static final long SIZE = 200L << 20;

    @TempDir
    Path dir;

    @Test
    void a200MegabyteLayerStreamsThroughA64MegabyteHeap() throws Exception {
        Path store = dir.resolve("store");
        Process p = fork("-Xmx64m", "big", store.toString(), Long.toString(SIZE), "GZIP").start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Map<String, String> result = new HashMap<>();
        output.lines().filter(l -> l.contains("=")).forEach(l -> result.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));

        assertThat(Long.parseLong(result.get("uncompressed"))).isGreaterThan(SIZE);
        // finishing at all under -Xmx64m is the proof: a buffered 200 MB layer would throw OutOfMemoryError
        Path blob = store.resolve("blobs/sha256/" + result.get("digest").substring(7));
        assertThat(Files.size(blob)).isEqualTo(Long.parseLong(result.get("size")));
        // the system's tools agree with the digests the writer reported
        assertThat(shell("sha256sum " + blob).split(" ")[0]).isEqualTo(result.get("digest").substring(7));
        assertThat(shell("gzip -dc " + blob + " | sha256sum").split(" ")[0]).isEqualTo(result.get("diffid").substring(7));
        assertThat(shell("tar -tzvf " + blob)).contains("data/generated.bin").contains(Long.toString(SIZE));
    }

    @Test
    void aWriterKilledMidLayerLeavesNoBlobAndItsTempFileIsCleanedOnOpen() throws Exception {
        Path store = dir.resolve("store");
        Process p = fork("-Xmx64m", "slow", store.toString()).redirectErrorStream(true).start();
        try (var lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("writing");
            awaitBytesInTempFile(store.resolve("blobs")); // compressed bytes reached the temp file: mid-layer
            p.destroyForcibly(); // SIGKILL: no finally blocks run
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<Path> left = files(store.resolve("blobs"));
        assertThat(left).hasSize(1);
        assertThat(left.getFirst().getFileName().toString()).startsWith(".tmp-");
        assertThat(Files.size(left.getFirst())).isPositive();

        Store.open(store);
        assertThat(files(store.resolve("blobs"))).as("a fresh temp file might be a live writer's").hasSize(1);
        Files.setLastModifiedTime(left.getFirst(), FileTime.from(Instant.now().minusSeconds(60)));
        Store.open(store);
        assertThat(files(store.resolve("blobs"))).isEmpty();
    }

    /** Waits (on a loaded machine, as long as it takes, up to 60 s) until the writer's temp file holds bytes. */
    private static void awaitBytesInTempFile(Path blobs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(blobs)) {
                for (Path file : files(blobs)) {
                    if (file.getFileName().toString().startsWith(".tmp-") && Files.size(file) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the writer never wrote into its temp file");
    }

    private static ProcessBuilder fork(String heap, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(List.of(java, heap, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), LayerWriterMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    private static String shell(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "set -o pipefail; " + command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(command + "\n" + err).isZero();
        return out;
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
