package dev.kiln.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ImageCodecTest {
    private static final Digest LAYER = Digest.of("layer".getBytes(StandardCharsets.UTF_8));
    private static final Digest DIFF = Digest.of("diff".getBytes(StandardCharsets.UTF_8));

    static ImageConfig fullConfig(Map<String, String> labels) {
        var health = new ImageConfig.Healthcheck(List.of("CMD-SHELL", "curl -f http://localhost/"),
                Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofMillis(500), 3);
        var container = new ImageConfig.Container("app:app", new TreeSet<>(List.of("8080/tcp", "53/udp")),
                List.of("PATH=/usr/bin:/bin", "LANG=C.UTF-8"), List.of("/bin/entry"), List.of("--serve"),
                new TreeSet<>(List.of("/data")), "/srv", labels, "SIGTERM", true, health,
                List.of("RUN echo child"), List.of("/bin/sh", "-c"));
        return new ImageConfig(Instant.parse("2024-05-06T07:08:09.120Z"), "kiln", "arm64", "linux", "", List.of(),
                "v8", container, ImageConfig.RootFs.layers(List.of(DIFF)),
                List.of(new ImageConfig.History(Instant.EPOCH, "COPY . /srv # buildkit", "", "", false),
                        new ImageConfig.History(Instant.EPOCH, "ENV LANG=C.UTF-8", "", "", true)));
    }

    @Test
    void configRoundTripsAndReEncodesToTheSameBytes() {
        ImageConfig config = fullConfig(Map.of("b", "2", "a", "1"));
        byte[] bytes = ImageCodec.encode(config);
        ImageConfig decoded = ImageCodec.decodeConfig(bytes);
        assertThat(decoded).isEqualTo(config);
        assertThat(ImageCodec.encode(decoded)).isEqualTo(bytes);
    }

    @Test
    void encodingIgnoresMapInsertionOrder() {
        var forward = new LinkedHashMap<String, String>();
        forward.put("a", "1");
        forward.put("z", "26");
        var backward = new LinkedHashMap<String, String>();
        backward.put("z", "26");
        backward.put("a", "1");
        assertThat(ImageCodec.encode(fullConfig(forward))).isEqualTo(ImageCodec.encode(fullConfig(backward)));
    }

    @Test
    void configUsesOciFieldNamesOrderAndGoTimeFormat() {
        String json = new String(ImageCodec.encode(fullConfig(Map.of("a", "1"))), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"created\":\"2024-05-06T07:08:09.12Z\",\"author\":\"kiln\","
                + "\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\",\"config\":{\"User\":\"app:app\","
                + "\"ExposedPorts\":{\"53/udp\":{},\"8080/tcp\":{}},");
        assertThat(json).contains("\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"curl -f http://localhost/\"],"
                + "\"Interval\":30000000000,\"Timeout\":3000000000,\"StartPeriod\":5000000000,"
                + "\"StartInterval\":500000000,\"Retries\":3}");
        assertThat(json).contains("\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + DIFF + "\"]}");
        assertThat(json).contains("{\"created\":\"1970-01-01T00:00:00Z\",\"created_by\":\"ENV LANG=C.UTF-8\",\"empty_layer\":true}");
        assertThat(json).doesNotContain("null").doesNotContain("\"\"").doesNotContain("[]");
    }

    @Test
    void manifestEncodesToExactlyTheSpecShape() {
        Descriptor config = Descriptor.of(MediaType.OCI_CONFIG, "{}".getBytes(StandardCharsets.UTF_8));
        Descriptor layer = Descriptor.of(MediaType.OCI_LAYER_GZIP, LAYER, 1234);
        byte[] bytes = ImageCodec.encode(Manifest.oci(config, List.of(layer)));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                        + "\"digest\":\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2},"
                        + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                        + "\"digest\":\"" + LAYER + "\",\"size\":1234}]}");
        assertThat(ImageCodec.decodeManifest(bytes)).isEqualTo(Manifest.oci(config, List.of(layer)));
    }

    @Test
    void indexWithPlatformsAndAnnotationsRoundTrips() {
        Descriptor amd = Descriptor.of(MediaType.OCI_MANIFEST, LAYER, 10).withPlatform(Platform.parse("linux/amd64"));
        Descriptor arm = Descriptor.of(MediaType.OCI_MANIFEST, DIFF, 11)
                .withPlatform(new Platform("linux", "arm64", "v8", "", List.of()))
                .withAnnotations(Map.of("org.opencontainers.image.ref.name", "latest"));
        Index index = Index.oci(List.of(amd, arm));
        byte[] bytes = ImageCodec.encode(index);
        assertThat(ImageCodec.decodeIndex(bytes)).isEqualTo(index);
        assertThat(ImageCodec.encode(ImageCodec.decodeIndex(bytes))).isEqualTo(bytes);
    }

    @Test
    void decodesDockerStyleConfigWithNullsAndUnknownFields() {
        String docker = """
                {"architecture":"amd64","os":"linux","docker_version":"24.0.0","created":"2023-01-02T03:04:05.123456789+01:00",
                 "config":{"Hostname":"","Env":["PATH=/bin"],"Cmd":null,"Entrypoint":null,"Volumes":null,"OnBuild":null,
                           "Labels":null,"ArgsEscaped":true},
                 "container_config":{"Cmd":["/bin/sh"]},
                 "rootfs":{"type":"layers","diff_ids":["%s"]},
                 "history":[{"created":"2023-01-02T03:04:05Z","created_by":"/bin/sh -c #(nop) ADD file:abc in / "}]}
                """.formatted(DIFF);
        ImageConfig config = ImageCodec.decodeConfig(docker.getBytes(StandardCharsets.UTF_8));
        assertThat(config.created()).isEqualTo(Instant.parse("2023-01-02T02:04:05.123456789Z"));
        assertThat(config.config().env()).containsExactly("PATH=/bin");
        assertThat(config.config().cmd()).isEmpty();
        assertThat(config.config().argsEscaped()).isTrue();
        assertThat(config.rootfs().diffIds()).containsExactly(DIFF);
        assertThat(config.history()).hasSize(1);
    }

    @Test
    void rejectsBrokenDocumentsWithClearMessages() {
        assertThatThrownBy(() -> ImageCodec.decodeManifest("{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("invalid image manifest: not JSON");
        assertThatThrownBy(() -> ImageCodec.decodeManifest("{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("missing required field 'config'");
        assertThatThrownBy(() -> ImageCodec.decodeConfig(
                "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:x\"]}}"
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("invalid image config");
        assertThatThrownBy(() -> ImageCodec.decodeIndex("{\"schemaVersion\":1,\"manifests\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("only 2");
    }
}
