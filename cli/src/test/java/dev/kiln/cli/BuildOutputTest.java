package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kiln build with -o, --iidfile and --metadata-file, on a Dockerfile that needs no runtime. */
class BuildOutputTest {
    @TempDir
    Path tmp;

    @Test
    void exportsTheBuiltImageAndDescribesIt() throws Exception {
        Path home = tmp.resolve("home");
        Path context = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nWORKDIR /greeting/inner\nLABEL purpose=test\n");
        Path archive = tmp.resolve("out/image.tar");
        Path files = tmp.resolve("out/files");

        var result = MainTest.runWithStore(home, "build", "-t", "built:1", "-o", "type=oci,dest=" + archive, "-o", files.toString(),
                "--iidfile", tmp.resolve("iid").toString(), "--metadata-file", tmp.resolve("meta.json").toString(),
                context.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(files.resolve("greeting/inner")).isDirectory();
        JsonNode meta = new ObjectMapper().readTree(tmp.resolve("meta.json").toFile());
        assertThat(meta.path("image.name").asText()).isEqualTo("docker.io/library/built:1");
        assertThat(meta.path("containerimage.config.digest").asText()).isEqualTo(Files.readString(tmp.resolve("iid")));
        String digest = meta.path("containerimage.digest").asText();
        assertThat(result.out().strip()).isEqualTo(digest);
        var inspect = new ProcessBuilder("skopeo", "inspect", "oci-archive:" + archive + ":1").redirectErrorStream(true).start();
        String inspected = new String(inspect.getInputStream().readAllBytes());
        assertThat(inspect.waitFor()).as(inspected).isZero();
        assertThat(inspected).contains("\"Digest\": \"" + digest + "\"");
        assertThat(Store.open(home).names().get("built:1")).isPresent();
    }

    @Test
    void quietPrintsOnlyTheImageId() throws Exception {
        Path context = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nWORKDIR /app\n");
        var result = MainTest.runWithStore(tmp.resolve("home"), "build", "-q", "--iidfile", tmp.resolve("iid").toString(),
                context.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(Files.readString(tmp.resolve("iid")) + "\n").startsWith("sha256:");

        var quietProgress = MainTest.runWithStore(tmp.resolve("home"), "build", "--progress", "quiet", context.toString());
        assertThat(quietProgress.err()).isEmpty();
        assertThat(quietProgress.out()).startsWith("sha256:").isNotEqualTo(result.out());
    }

    @Test
    void aBadOutputFailsBeforeBuilding() throws Exception {
        Path context = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        var result = MainTest.runWithStore(tmp.resolve("home"), "build", "-o", "type=oci", context.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("ERROR: output 'type=oci': type=oci needs dest=FILE (or dest=- for standard output)\n");
    }
}
