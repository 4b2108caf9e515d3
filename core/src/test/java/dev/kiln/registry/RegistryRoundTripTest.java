package dev.kiln.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.Platform;
import dev.kiln.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push and pull against a real docker-registry without auth. */
class RegistryRoundTripTest {
    static final Platform AMD64 = Platform.of("linux", "amd64");
    static final Platform ARM64 = Platform.of("linux", "arm64", "v8");
    static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200));

    @TempDir
    static Path registryDir;
    static TestRegistry registry;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startRegistry() throws Exception {
        assumeTrue(TestRegistry.installed(), "docker-registry is not installed (.ci/run installs it)");
        registry = TestRegistry.start(registryDir, "");
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    static RegistryClient client(Store store) {
        return new RegistryClient(store, RegistryClient.Options.defaults().withRetry(FAST));
    }

    RemoteRef ref(String repoAndTag) {
        return RemoteRef.parse(registry.host() + "/" + repoAndTag);
    }

    @Test
    void pushThenPullGivesIdenticalDigestsAndSkopeoSeesTheLayers() throws Exception {
        Store source = Store.open(tmp.resolve("source"));
        Descriptor image = TestImages.image(source, AMD64, 1, 300_000, 5_000, 70_000);
        source.names().put("app:1", image);

        Digest pushed = client(source).push("app:1", ref("round/app:1"));
        assertThat(pushed).isEqualTo(image.digest());

        String inspect = skopeoInspect(registry.host() + "/round/app:1");
        for (Digest layer : TestImages.blobs(source, image).subList(0, 3)) {
            assertThat(inspect).contains(layer.toString());
        }

        Store target = Store.open(tmp.resolve("target"));
        PulledImage pulled = client(target).pull(ref("round/app:1"), AMD64, "round/app:1");
        assertThat(pulled.manifestDigest()).isEqualTo(image.digest());
        assertThat(pulled.manifest()).isEqualTo(TestImages.manifest(source, image));
        assertThat(pulled.platform().matches(AMD64)).isTrue();
        for (Digest blob : TestImages.blobs(source, image)) {
            assertThat(target.blobs().has(blob)).as("pulled %s", blob).isTrue();
        }
        assertThat(target.names().get("round/app:1")).map(Descriptor::digest).contains(image.digest());
        assertThat(target.blobs().fsck().ok()).isTrue();
    }

    @Test
    void pullByDigestAndRepeatedPullReuseTheStore() {
        Store source = Store.open(tmp.resolve("source"));
        Descriptor image = TestImages.image(source, AMD64, 2, 10_000);
        client(source).push(image, ref("digest/app:x"));

        Store target = Store.open(tmp.resolve("target"));
        RemoteRef byDigest = ref("digest/app@" + image.digest());
        PulledImage first = client(target).pull(byDigest, AMD64, "digest/app:x");
        PulledImage second = client(target).pull(byDigest, AMD64, "digest/app:x");
        assertThat(second.manifestDigest()).isEqualTo(first.manifestDigest()).isEqualTo(image.digest());
    }

    @Test
    void largeBlobsGoUpInChunksAndSmallOnesWhole() {
        Store source = Store.open(tmp.resolve("source"));
        Descriptor image = TestImages.image(source, AMD64, 3, 200_000, 1_000);
        RegistryClient chunky = new RegistryClient(source, RegistryClient.Options.defaults().withRetry(FAST)
                .withChunking(64 * 1024, 48 * 1024));
        Map<Digest, BlobUploader.Outcome> outcomes = chunky.pushReporting(image, ref("chunks/app:1"));
        List<Digest> blobs = TestImages.blobs(source, image);
        assertThat(outcomes.get(blobs.get(0))).isEqualTo(BlobUploader.Outcome.UPLOADED_IN_CHUNKS);
        assertThat(outcomes.get(blobs.get(1))).isEqualTo(BlobUploader.Outcome.UPLOADED);

        Store target = Store.open(tmp.resolve("target"));
        assertThat(client(target).pull(ref("chunks/app:1"), AMD64, "chunks/app:1").manifestDigest()).isEqualTo(image.digest());
        assertThat(target.blobs().verify(blobs.get(0))).isTrue();

        // pushed again: every blob is already there
        assertThat(chunky.pushReporting(image, ref("chunks/app:2")).values()).containsOnly(BlobUploader.Outcome.EXISTED);
    }

    @Test
    void blobsPulledFromOneRepositoryAreMountedIntoAnother() {
        Store source = Store.open(tmp.resolve("source"));
        Descriptor image = TestImages.image(source, AMD64, 4, 50_000, 20_000);
        client(source).push(image, ref("mount/base:1"));

        Store store = Store.open(tmp.resolve("store"));
        client(store).pull(ref("mount/base:1"), AMD64, "base:1");
        Map<Digest, BlobUploader.Outcome> outcomes = client(store).pushReporting(image, ref("mount/derived:1"));
        assertThat(outcomes.values()).containsOnly(BlobUploader.Outcome.MOUNTED);

        Store check = Store.open(tmp.resolve("check"));
        assertThat(client(check).pull(ref("mount/derived:1"), AMD64, "derived:1").manifestDigest()).isEqualTo(image.digest());
    }

    @Test
    void anIndexIsPushedAfterItsManifestsAndAPullPicksThePlatform() {
        Store source = Store.open(tmp.resolve("source"));
        Descriptor amd = TestImages.image(source, AMD64, 5, 10_000);
        Descriptor arm = TestImages.image(source, ARM64, 6, 12_000);
        Descriptor index = TestImages.index(source, List.of(amd, arm));
        assertThat(client(source).push(index, ref("multi/app:1"))).isEqualTo(index.digest());

        Store target = Store.open(tmp.resolve("target"));
        PulledImage pulledArm = client(target).pull(ref("multi/app:1"), Platform.parse("linux/arm64"), "multi/app:arm");
        assertThat(pulledArm.manifestDigest()).isEqualTo(arm.digest());
        assertThat(pulledArm.config().architecture()).isEqualTo("arm64");
        assertThat(target.blobs().has(TestImages.blobs(source, amd).get(0))).isFalse();

        PulledImage pulledAmd = client(target).pull(ref("multi/app:1"), Platform.parse("linux/x86_64"), "multi/app:amd");
        assertThat(pulledAmd.manifestDigest()).isEqualTo(amd.digest());

        assertThatThrownBy(() -> client(target).pull(ref("multi/app:1"), Platform.parse("linux/s390x"), "x:1"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("no variant for platform linux/s390x")
                .hasMessageContaining("linux/amd64, linux/arm64");
    }

    @Test
    void aMissingTagIsAClearErrorWithTheRegistrysOwnMessage() {
        Store store = Store.open(tmp.resolve("store"));
        assertThatThrownBy(() -> client(store).pull(ref("nothing/here:1"), AMD64, "x:1"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.registry()).isEqualTo(registry.host());
                })
                .hasMessageContaining("registry " + registry.host())
                .hasMessageContaining("nothing/here:1")
                .hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> client(store).pull(ref("nothing/here@sha256:" + "ab".repeat(32)), AMD64, "x:1"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("MANIFEST_UNKNOWN");
    }

    @Test
    void mirrorsAreTriedInOrderBeforeTheRegistry() throws Exception {
        Store source = Store.open(tmp.resolve("source"));
        Descriptor image = TestImages.image(source, AMD64, 7, 10_000);
        client(source).push(image, ref("library/mirrored:1"));

        int deadPort = TestRegistry.freePort();
        RegistryConfig config = RegistryConfig.parse("""
                [registry."docker.io"]
                mirrors = ["127.0.0.1:%d", "%s"]
                """.formatted(deadPort, registry.host()), "test");
        Store target = Store.open(tmp.resolve("target"));
        RegistryClient viaMirror = new RegistryClient(target, RegistryClient.Options.defaults()
                .withRetry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO)).withConfig(config));
        PulledImage pulled = viaMirror.pull(RemoteRef.parse("mirrored:1"), AMD64, "mirrored:1");
        assertThat(pulled.manifestDigest()).isEqualTo(image.digest());
        assertThat(target.names().get("docker.io/library/mirrored:1")).isPresent();

        // a dead mirror of this registry falls back to the registry itself
        RegistryConfig deadMirror = RegistryConfig.empty().withMirrors(registry.host(), List.of("127.0.0.1:" + deadPort));
        RegistryClient fallback = new RegistryClient(Store.open(tmp.resolve("t2")), RegistryClient.Options.defaults()
                .withRetry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO)).withConfig(deadMirror));
        assertThat(fallback.pull(ref("library/mirrored:1"), AMD64, "m:1").manifestDigest()).isEqualTo(image.digest());
    }

    static String skopeoInspect(String reference) throws Exception {
        Process p = new ProcessBuilder("skopeo", "inspect", "--tls-verify=false", "docker://" + reference)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("skopeo inspect: %s", out).isZero();
        return out;
    }

    static String read(Path p) throws Exception {
        return Files.readString(p);
    }
}
