package dev.kiln.cli;

import dev.kiln.image.ImageCodec;
import dev.kiln.image.MediaType;
import dev.kiln.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompressionTest {
    @TempDir
    Path home;
    @TempDir
    Path context;

    @Test
    void compressionZstdGivesZstdLayersEvenFromCachedGzipSteps() throws IOException {
        Files.writeString(context.resolve("a.txt"), "a\n".repeat(1000));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY a.txt /a.txt\n");
        assertThat(run("build", "-t", "gz", context.toString()).code()).isZero();
        var zstd = run("build", "-t", "zst", "--compression", "zstd", "--progress", "plain", context.toString());
        assertThat(zstd.code()).as(zstd.err()).isZero();
        assertThat(layerType("gz")).isEqualTo(MediaType.OCI_LAYER_GZIP);
        assertThat(layerType("zst")).isEqualTo(MediaType.OCI_LAYER_ZSTD);
        assertThat(run("build", "--compression", "lz4", context.toString()).err())
                .contains("--compression lz4 is not supported");
    }

    private MediaType layerType(String name) {
        var store = Store.open(home);
        var manifest = ImageCodec.decodeManifest(store.blobs().readAll(store.names().get(name).orElseThrow().digest()));
        return manifest.layers().getFirst().mediaType();
    }

    private MainTest.Result run(String... args) {
        try {
            return ScopedValue.where(CliEnvironment.VARIABLES, Map.of("KILN_HOME", home.toString()))
                    .call(() -> MainTest.run(args));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
