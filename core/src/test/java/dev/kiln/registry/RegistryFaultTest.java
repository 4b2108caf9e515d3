package dev.kiln.registry;

import static dev.kiln.registry.RegistryRoundTripTest.AMD64;
import static dev.kiln.registry.RegistryRoundTripTest.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls and pushes through a proxy that breaks connections, fails, rate-limits and corrupts on purpose. */
class RegistryFaultTest {
    @TempDir
    static Path registryDir;
    static TestRegistry registry;
    static FaultProxy proxy;

    @TempDir
    Path tmp;
    Store source;
    Descriptor image;
    Digest bigLayer;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(TestRegistry.installed(), "docker-registry is not installed (.ci/run installs it)");
        registry = TestRegistry.start(registryDir, "");
        proxy = new FaultProxy(registry.port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void pushAnImage() {
        proxy.clearFaults();
        source = Store.open(tmp.resolve("source"));
        image = TestImages.image(source, AMD64, tmp.hashCode(), 1_500_000, 20_000);
        bigLayer = TestImages.blobs(source, image).getFirst();
        client(source).push(image, direct("faults/app:1"));
    }

    private RegistryClient client(Store store) {
        return new RegistryClient(store, RegistryClient.Options.defaults().withRetry(FAST));
    }

    private RemoteRef direct(String repoAndTag) {
        return RemoteRef.parse(registry.host() + "/" + repoAndTag);
    }

    private RemoteRef viaProxy(String repoAndTag) {
        return RemoteRef.parse(proxy.host() + "/" + repoAndTag);
    }

    private List<String> blobGets(Digest digest) {
        return proxy.log().stream().filter(l -> l.startsWith("GET /v2/faults/app/blobs/" + digest)).toList();
    }

    @Test
    void aConnectionDroppedMidBlobResumesWithARangeRequest() {
        proxy.inject("GET", p -> p.endsWith("/blobs/" + bigLayer), FaultProxy.Fault.DROP_HALFWAY, 1);
        Store target = Store.open(tmp.resolve("target"));
        PulledImage pulled = client(target).pull(viaProxy("faults/app:1"), AMD64, "app:1");

        assertThat(pulled.manifestDigest()).isEqualTo(image.digest());
        assertThat(target.blobs().verify(bigLayer)).isTrue();
        List<String> gets = blobGets(bigLayer);
        assertThat(gets).hasSize(2);
        assertThat(gets.get(0)).endsWith("-> 200 (DROP_HALFWAY)");
        assertThat(gets.get(1)).contains("[bytes=").endsWith("-> 206");
        assertThat(target.blobs().fsck().ok()).isTrue();
    }

    @Test
    void aRegistryIgnoringRangeMakesTheDownloadStartOver() {
        proxy.inject("GET", p -> p.endsWith("/blobs/" + bigLayer), FaultProxy.Fault.DROP_HALFWAY, 1);
        proxy.inject("GET", p -> p.endsWith("/blobs/" + bigLayer), FaultProxy.Fault.STRIP_RANGE, 1);
        Store target = Store.open(tmp.resolve("target"));
        client(target).pull(viaProxy("faults/app:1"), AMD64, "app:1");

        assertThat(target.blobs().verify(bigLayer)).isTrue();
        assertThat(blobGets(bigLayer)).hasSize(2).last().asString().endsWith("-> 200 (STRIP_RANGE)");
        assertThat(target.blobs().fsck().ok()).isTrue();
    }

    @Test
    void serverErrorsAreRetried() {
        proxy.inject("GET", p -> p.contains("/manifests/sha256:"), FaultProxy.Fault.FAIL_500, 2);
        proxy.inject("GET", p -> p.endsWith("/blobs/" + bigLayer), FaultProxy.Fault.FAIL_500, 2);
        Store target = Store.open(tmp.resolve("target"));
        assertThat(client(target).pull(viaProxy("faults/app:1"), AMD64, "app:1").manifestDigest()).isEqualTo(image.digest());
        assertThat(blobGets(bigLayer)).hasSize(3).first().asString().endsWith("-> 500 (injected)");
        assertThat(proxy.log().stream().filter(l -> l.startsWith("GET /v2/faults/app/manifests/sha256:"))).hasSize(3);
    }

    @Test
    void rateLimitsHonourRetryAfter() {
        proxy.inject("GET", p -> p.endsWith("/blobs/" + bigLayer), FaultProxy.Fault.RATE_LIMIT_429, 1);
        Store target = Store.open(tmp.resolve("target"));
        Instant start = Instant.now();
        client(target).pull(viaProxy("faults/app:1"), AMD64, "app:1");
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(blobGets(bigLayer)).hasSize(2);
    }

    @Test
    void persistentServerErrorsGiveUpWithTheRegistrysMessage() {
        proxy.inject("GET", p -> p.endsWith("/blobs/" + bigLayer), FaultProxy.Fault.FAIL_500, -1);
        Store target = Store.open(tmp.resolve("target"));
        assertThatThrownBy(() -> client(target).pull(viaProxy("faults/app:1"), AMD64, "app:1"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(500))
                .hasMessageContaining("download blob " + bigLayer)
                .hasMessageContaining("UNAVAILABLE: injected by the test proxy");
        assertThat(blobGets(bigLayer)).hasSize(FAST.maxAttempts());
    }

    @Test
    void aCorruptBlobFailsClearlyAndLeavesNothingBadInTheStore() {
        proxy.inject("GET", p -> p.endsWith("/blobs/" + bigLayer), FaultProxy.Fault.CORRUPT, -1);
        Store target = Store.open(tmp.resolve("target"));
        assertThatThrownBy(() -> client(target).pull(viaProxy("faults/app:1"), AMD64, "app:1"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("download blob " + bigLayer)
                .hasMessageContaining("does not match its digest")
                .hasMessageContaining("corrupt");
        assertThat(target.blobs().has(bigLayer)).isFalse();
        assertThat(target.blobs().fsck().ok()).isTrue();
        assertThat(target.names().get("app:1")).isEmpty();
    }

    @Test
    void pushSurvivesServerErrorsOnUploads() {
        proxy.inject("PUT", p -> p.contains("/blobs/uploads/"), FaultProxy.Fault.FAIL_500, 1);
        proxy.inject("HEAD", p -> p.contains("/blobs/"), FaultProxy.Fault.FAIL_500, 1);
        Store store = Store.open(tmp.resolve("store"));
        Descriptor fresh = TestImages.image(store, AMD64, 99, 30_000);
        assertThat(client(store).push(fresh, viaProxy("faults/pushed:1"))).isEqualTo(fresh.digest());
        Store check = Store.open(tmp.resolve("check"));
        assertThat(client(check).pull(direct("faults/pushed:1"), AMD64, "p:1").manifestDigest()).isEqualTo(fresh.digest());
    }
}
