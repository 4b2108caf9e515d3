package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store commands end to end, each in a store under a temp KILN_HOME. */
class StoreCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void importTagInspectSaveLoadRmiPrune() throws Exception {
        Path home = tmp.resolve("home");
        Path rootfs = rootfsTar(tmp.resolve("rootfs.tar"));

        var imported = run(home, "import", rootfs.toString(), "app:1.0");
        assertThat(imported.code()).as(imported.err()).isZero();
        String id = imported.out().strip();
        assertThat(id).matches("sha256:[0-9a-f]{64}");

        assertThat(run(home, "tag", "app:1.0", "app:latest").code()).isZero();
        assertThat(run(home, "tag", id.substring(7, 19), "example.com/team/app:v2").code()).isZero();
        var images = run(home, "images");
        assertThat(images.out().lines().findFirst().orElseThrow())
                .matches("REPOSITORY\\s{3,}TAG\\s{3,}IMAGE ID\\s{3,}CREATED\\s{3,}SIZE");
        assertThat(images.out()).containsPattern("app\\s+1\\.0\\s+" + id.substring(7, 19) + "\\s+(Less than a second|\\d+ seconds?) ago\\s+\\d+B")
                .containsPattern("example\\.com/team/app\\s+v2\\s+" + id.substring(7, 19));
        assertThat(run(home, "images", "-q").out().strip()).isEqualTo(id.substring(7, 19));

        JsonNode inspected = JSON.readTree(run(home, "inspect", "app").out()).get(0);
        assertThat(inspected.path("Id").asText()).isEqualTo(id);
        assertThat(inspected.path("RepoTags").toString()).contains("app:1.0", "app:latest", "example.com/team/app:v2");
        assertThat(inspected.path("RootFS").path("Layers")).hasSize(1);
        assertThat(inspected.path("Manifest").path("layers").get(0).path("mediaType").asText())
                .isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");

        Path saved = tmp.resolve("saved.tar");
        assertThat(run(home, "save", "-o", saved.toString(), "app:1.0", "example.com/team/app:v2").code()).isZero();
        assertThat(tool("skopeo", "inspect", "docker-archive:" + saved + ":example.com/team/app:v2")).contains("\"Name\": \"example.com/team/app\"");

        Path other = tmp.resolve("other");
        var loaded = run(other, "load", "-i", saved.toString());
        assertThat(loaded.out()).contains("Loaded image: app:1.0", "Loaded image: example.com/team/app:v2");
        assertThat(JSON.readTree(run(other, "inspect", "app:1.0").out()).get(0).path("Id").asText()).isEqualTo(id);

        assertThat(run(home, "rmi", "app:latest").out()).isEqualTo("Untagged: app:latest\n");
        var unknown = run(home, "rmi", "nope:1");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("ERROR: no such image: nope:1").doesNotContain("at dev.kiln");

        assertThat(run(home, "rmi", "app:1.0", "example.com/team/app:v2").code()).isZero();
        var pruned = run(home, "prune");
        assertThat(pruned.out()).containsPattern("Total reclaimed space: [1-9][0-9.]*k?B");
        assertThat(run(home, "images", "-q").out()).isEmpty();
        Store store = Store.open(home);
        assertThat(store.blobs().fsck().checked()).isZero();
    }

    @Test
    void errorsAreOneLineWithoutStackTraces() {
        Path home = tmp.resolve("home");
        var inspect = run(home, "inspect", "missing");
        assertThat(inspect.code()).isEqualTo(1);
        assertThat(inspect.err()).isEqualTo("ERROR: no such image: missing (kiln images lists the images in the store)\n");
        var load = run(home, "load", "-i", tmp.resolve("none.tar").toString());
        assertThat(load.err()).startsWith("ERROR: cannot load").doesNotContain("Exception");
    }

    @Test
    void theStoreFollowsKilnHome() {
        Path home = tmp.resolve("elsewhere");
        assertThat(run(home, "images").code()).isZero();
        assertThat(home.resolve("oci-layout")).exists();
    }

    private static MainTest.Result run(Path home, String... args) {
        try {
            return ScopedValue.where(CliEnvironment.VARIABLES, Map.of("KILN_HOME", home.toString()))
                    .call(() -> MainTest.run(args));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Path rootfsTar(Path file) throws IOException {
        try (var tar = new TarArchiveOutputStream(Files.newOutputStream(file))) {
            var dir = new TarArchiveEntry("etc/", TarArchiveEntry.LF_DIR);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            byte[] motd = "hello\n".getBytes(StandardCharsets.UTF_8);
            var entry = new TarArchiveEntry("etc/motd");
            entry.setSize(motd.length);
            tar.putArchiveEntry(entry);
            tar.write(motd);
            tar.closeArchiveEntry();
        }
        return file;
    }

    private static String tool(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out.toString()).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
