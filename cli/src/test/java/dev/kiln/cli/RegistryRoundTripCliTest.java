package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.Manifest;
import dev.kiln.registry.TestRegistry;
import dev.kiln.store.Store;
import dev.kiln.testing.BusyboxImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 4 end to end, through the commands a user types: push a locally made busybox, build
 * {@code FROM} it (the base is pulled), {@code build --push}, and check with skopeo; resolve
 * {@code FROM busybox} through {@code --registry-mirror}. A real docker-registry on 127.0.0.1;
 * nothing may go further than loopback ({@link LoopbackOnly}).
 */
class RegistryRoundTripCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static TestRegistry registry;
    LoopbackOnly network;
    Path storeRoot;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startRegistry() throws Exception {
        assumeTrue(TestRegistry.installed(), "docker-registry is not installed (.ci/run installs it)");
        registry = TestRegistry.start(Files.createDirectories(shared.resolve("registry")), "");
        DockerConfigLocation.overrideForTests(Files.createDirectories(shared.resolve("docker")));
    }

    @AfterAll
    static void stopRegistry() {
        DockerConfigLocation.overrideForTests(null);
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void guardTheNetwork() {
        network = LoopbackOnly.install();
    }

    @AfterEach
    void restore() {
        network.close();
    }

    @Test
    void pushedBaseIsPulledByTheBuildAndTheResultPushedWithIdenticalDigests() throws Exception {
        var host = registry.host();
        var origin = useStore("origin");
        var base = BusyboxImage.importInto(origin, "busybox:base");
        var baseManifest = manifest(origin, base.digest());

        var pushed = MainTest.runWithStore(storeRoot, "push", "busybox:base", host + "/busybox:latest");
        assertThat(pushed.code()).as(pushed.err()).isZero();
        assertThat(pushed.out().strip()).isEqualTo(base.digest().toString());
        assertThat(pushed.err()).contains("Pushing busybox:base to " + host + "/busybox:latest");
        assertThat(sha256(skopeo("--raw", host + "/busybox:latest"))).isEqualTo(base.digest().toString());

        // kiln rmi: the base is gone from the store (a fresh store: no name and no blob is left to reuse)
        assertThat(origin.names().remove("busybox:base")).isTrue();
        var builder = useStore("builder");
        var context = Files.createDirectories(tmp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), """
                FROM %s/busybox
                RUN echo hello > /greeting && mkdir -p /data
                ENV GREETING=hello
                CMD ["cat", "/greeting"]
                """.formatted(host));
        var built = MainTest.runWithStore(storeRoot, "build", "--progress", "plain", "--push", "-t", host + "/app:1", context.toString());
        assertThat(built.code()).as(built.err()).isZero();
        var builtDigest = lastLine(built.out());
        assertThat(built.err()).contains("Pushing " + host + "/app:1").contains(host + "/app:1: digest: " + builtDigest);

        // the build pulled the base under its own name, byte for byte what was pushed
        assertThat(builder.names().get(host + "/busybox:latest")).hasValueSatisfying(d ->
                assertThat(d.digest()).isEqualTo(base.digest()));
        var local = manifest(builder, Digest.parse(builtDigest));
        assertThat(local.layers()).hasSize(2);
        assertThat(local.layers().getFirst()).isEqualTo(baseManifest.layers().getFirst());

        // what the registry holds, as skopeo reads it
        assertThat(sha256(skopeo("--raw", host + "/app:1"))).isEqualTo(builtDigest);
        var inspect = JSON.readTree(skopeo(host + "/app:1"));
        assertThat(inspect.path("Digest").asText()).isEqualTo(builtDigest);
        assertThat(texts(inspect.path("Layers"))).containsExactly(
                local.layers().get(0).digest().toString(), local.layers().get(1).digest().toString());
        assertThat(texts(inspect.path("Env"))).contains("PATH=/bin", "GREETING=hello");
        var config = JSON.readTree(skopeo("--config", host + "/app:1"));
        assertThat(sha256(skopeo("--config", "--raw", host + "/app:1"))).isEqualTo(local.config().digest().toString());
        assertThat(texts(config.path("config").path("Cmd"))).containsExactly("cat", "/greeting");
        assertThat(config.path("rootfs").path("diff_ids")).hasSize(2);
        assertThat(config.path("history").toString()).contains("RUN").contains("echo hello > /greeting");

        // and back again into an empty store: the same digest
        useStore("check");
        var pulled = MainTest.runWithStore(storeRoot, "pull", host + "/app:1");
        assertThat(pulled.code()).as(pulled.err()).isZero();
        assertThat(pulled.out().strip()).isEqualTo(builtDigest);
        assertThat(pulled.err()).contains("Pulling " + host + "/app:1").contains("2 layers");
        assertThat(network.refused()).isEmpty();
    }

    @Test
    void fromBusyboxResolvesThroughARegistryMirror() throws Exception {
        var host = registry.host();
        var origin = useStore("origin");
        var base = BusyboxImage.importInto(origin, "busybox:base");
        var pushed = MainTest.runWithStore(storeRoot, "push", "busybox:base", host + "/library/busybox:latest");
        assertThat(pushed.code()).as(pushed.err()).isZero();

        var builder = useStore("builder");
        var context = Files.createDirectories(tmp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM busybox\nRUN echo via-mirror > /m\n");
        var built = MainTest.runWithStore(storeRoot, "build", "--progress", "plain", "--registry-mirror", "docker.io=" + host,
                "-t", "mirrored:1", context.toString());
        assertThat(built.code()).as(built.err()).isZero();
        assertThat(builder.names().get("docker.io/library/busybox:latest")).hasValueSatisfying(d ->
                assertThat(d.digest()).isEqualTo(base.digest()));
        var image = manifest(builder, Digest.parse(lastLine(built.out())));
        assertThat(image.layers().getFirst()).isEqualTo(manifest(origin, base.digest()).layers().getFirst());
        assertThat(network.refused()).as("nothing may leave loopback").isEmpty();
    }

    @Test
    void pushWithoutTagsAndPushOfAnUnknownImageAreClearErrors() throws IOException {
        useStore("empty");
        var context = Files.createDirectories(tmp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        var noTag = MainTest.runWithStore(storeRoot, "build", "--push", context.toString());
        assertThat(noTag.code()).isEqualTo(1);
        assertThat(noTag.err()).contains("--push needs a name to push to").doesNotContain("\tat ");

        var unknown = MainTest.runWithStore(storeRoot, "push", "nothing:1", registry.host() + "/nothing:1");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no image named nothing:1 in the local store").doesNotContain("\tat ");

        var missing = MainTest.runWithStore(storeRoot, "pull", registry.host() + "/absent/app:1");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("registry " + registry.host()).contains("HTTP 404").doesNotContain("\tat ");
        assertThat(missing.out()).isEmpty();
    }

    @Test
    void theGuardKeepsEverythingOnLoopback() {
        assertThat(LoopbackOnly.isLoopback("127.0.0.1")).isTrue();
        assertThat(LoopbackOnly.isLoopback("[::1]")).isTrue();
        assertThat(LoopbackOnly.isLoopback("registry-1.docker.io")).isFalse();
        var guard = new LoopbackOnly(java.net.ProxySelector.getDefault());
        var route = guard.select(java.net.URI.create("https://registry-1.docker.io/v2/"));
        assertThat(route.getFirst().address().toString()).contains("127.0.0.1:9");
        assertThat(guard.refused()).extracting(java.net.URI::getHost).containsExactly("registry-1.docker.io");
        assertThat(guard.select(java.net.URI.create("http://127.0.0.1:5000/v2/"))).containsExactly(java.net.Proxy.NO_PROXY);
    }

    private Store useStore(String name) {
        var root = tmp.resolve(name);
        storeRoot = root;
        return Store.open(root);
    }

    private static Manifest manifest(Store store, Digest digest) {
        return ImageCodec.decodeManifest(store.blobs().readAll(digest));
    }

    private static String lastLine(String text) {
        var lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static List<String> texts(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static String sha256(String text) throws Exception {
        var hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(hash);
    }

    /** {@code skopeo inspect --tls-verify=false ARGS… docker://REFERENCE}; its stdout. */
    private static String skopeo(String... args) throws Exception {
        var command = new ArrayList<>(List.of("skopeo", "inspect", "--tls-verify=false"));
        command.addAll(List.of(args).subList(0, args.length - 1));
        command.add("docker://" + args[args.length - 1]);
        var errors = Files.createTempFile("skopeo", ".err");
        try {
            var process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("skopeo %s: %s", command, Files.readString(errors)).isZero();
            return out;
        } finally {
            Files.delete(errors);
        }
    }
}
