package dev.kiln.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageCodec;
import dev.kiln.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildOutputFilesTest {
    @TempDir
    Path tmp;

    @Test
    void metadataAndIidFileDescribeTheExportedImage() throws IOException {
        Store store = Store.open(tmp.resolve("store"));
        Descriptor image = TestImages.oneFileImage(store, null, "f", "x");
        ExportResult result = Exporters.export(store, image,
                OutputSpec.parse("type=image").withDefaultNames(List.of("app:1", "app:2")), System.out);
        var config = ImageCodec.decodeManifest(store.blobs().readAll(image.digest())).config().digest();

        Path metadata = tmp.resolve("out/metadata.json");
        BuildOutputFiles.writeMetadataFile(metadata, result);
        JsonNode json = new ObjectMapper().readTree(metadata.toFile());
        assertThat(json.path("containerimage.digest").asText()).isEqualTo(image.digest().toString());
        assertThat(json.path("containerimage.config.digest").asText()).isEqualTo(config.toString());
        assertThat(json.path("containerimage.descriptor").path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(json.path("containerimage.descriptor").path("size").asLong()).isEqualTo(image.size());
        assertThat(json.path("image.name").asText()).isEqualTo("docker.io/library/app:1,docker.io/library/app:2");
        assertThat(Files.readString(metadata)).startsWith("{\n  \"containerimage.config.digest\": \"sha256:");

        Path iid = tmp.resolve("iid");
        BuildOutputFiles.writeIidFile(iid, result.configDigest().orElseThrow());
        assertThat(Files.readString(iid)).isEqualTo(config.toString());
    }

    @Test
    void fileOutputsHaveEmptyMetadata() throws IOException {
        Path metadata = tmp.resolve("metadata.json");
        BuildOutputFiles.writeMetadataFile(metadata, ExportResult.filesOnly());
        assertThat(Files.readString(metadata)).isEqualTo("{ }");
    }
}
