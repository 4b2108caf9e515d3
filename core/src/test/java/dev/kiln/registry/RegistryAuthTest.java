package dev.kiln.registry;

import static dev.kiln.registry.RegistryRoundTripTest.AMD64;
import static dev.kiln.registry.RegistryRoundTripTest.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.image.Descriptor;
import dev.kiln.registry.auth.DockerCredentials;
import dev.kiln.registry.auth.RegistryCredential;
import dev.kiln.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic (htpasswd) and token auth against a real docker-registry. */
class RegistryAuthTest {
    static final String USER = "kiln";
    static final String PASSWORD = "s3cret-pass";

    @TempDir
    Path tmp;

    static RegistryClient client(Store store, Credentials credentials) {
        return new RegistryClient(store, RegistryClient.Options.defaults().withRetry(FAST).withCredentials(credentials));
    }

    @Test
    void basicAuthWithHtpasswd() throws Exception {
        assumeTrue(TestRegistry.installed() && Files.isExecutable(Path.of("/usr/bin/htpasswd")), "docker-registry or htpasswd missing");
        Process p = new ProcessBuilder("htpasswd", "-Bbn", USER, PASSWORD).start();
        String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        Path htpasswd = Files.writeString(tmp.resolve("htpasswd"), line);
        try (TestRegistry registry = TestRegistry.start(Files.createDirectories(tmp.resolve("reg")), """
                auth:
                  htpasswd:
                    realm: kiln-test
                    path: %s
                """.formatted(htpasswd))) {
            RemoteRef ref = RemoteRef.parse(registry.host() + "/basic/app:1");
            Credentials good = Credentials.of(registry.host(), USER, PASSWORD);
            roundTrip(good, ref);

            Store other = Store.open(tmp.resolve("anon"));
            assertThatThrownBy(() -> client(other, Credentials.anonymous()).pull(ref, AMD64, "x:1"))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(401))
                    .hasMessageContaining("log in first (kiln login " + registry.host() + ")");
            assertThatThrownBy(() -> client(other, Credentials.of(registry.host(), USER, "wrong")).pull(ref, AMD64, "x:1"))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageContaining("UNAUTHORIZED")
                    .hasMessageContaining("refused the credentials");
        }
    }

    @Test
    void tokenAuthWithSignedJwts() throws Exception {
        assumeTrue(TestRegistry.installed(), "docker-registry is not installed");
        Path dir = Files.createDirectories(tmp.resolve("token"));
        try (TokenServer tokens = TokenServer.start(dir, USER, PASSWORD, true);
             TestRegistry registry = TestRegistry.start(Files.createDirectories(tmp.resolve("reg")), tokens.registryAuthYaml(dir))) {
            RemoteRef ref = RemoteRef.parse(registry.host() + "/token/app:1");
            Credentials good = Credentials.of(registry.host(), USER, PASSWORD);
            roundTrip(good, ref);
            // one token per scope set, reused across the blobs and manifests of the push
            assertThat(tokens.requests()).contains(USER + " [repository:token/app:pull,push]");
            assertThat(tokens.requests().stream().filter(r -> r.contains("pull,push")).count()).as("%s", tokens.requests()).isEqualTo(1);

            // anonymous callers get pull-only tokens: pulling works, pushing is refused with the registry's words
            Store anon = Store.open(tmp.resolve("anon"));
            assertThat(client(anon, Credentials.anonymous()).pull(ref, AMD64, "a:1").manifest()).isNotNull();
            Descriptor image = TestImages.image(anon, AMD64, 21, 1000);
            assertThatThrownBy(() -> client(anon, Credentials.anonymous()).push(image, ref.withReference("2")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(401))
                    .hasMessageContaining("UNAUTHORIZED");

            assertThatThrownBy(() -> client(anon, Credentials.of(registry.host(), USER, "nope")).pull(ref, AMD64, "b:1"))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("fetch a token")
                    .hasMessageContaining("incorrect username or password")
                    .hasMessageContaining("check the user name and password");
        }
    }

    @Test
    void identityTokensAreExchangedWithAnOAuthPost() throws Exception {
        assumeTrue(TestRegistry.installed(), "docker-registry is not installed");
        Path dir = Files.createDirectories(tmp.resolve("token"));
        try (TokenServer tokens = TokenServer.start(dir, USER, PASSWORD, false);
             TestRegistry registry = TestRegistry.start(Files.createDirectories(tmp.resolve("reg")), tokens.registryAuthYaml(dir))) {
            Credentials identity = Credentials.of(Map.of(registry.host(),
                    RegistryCredential.token("", TokenServer.IDENTITY_TOKEN)));
            roundTrip(identity, RemoteRef.parse(registry.host() + "/oauth/app:1"));
            assertThat(tokens.requests()).contains("oauth " + USER + " [repository:oauth/app:pull,push]")
                    .allMatch(r -> r.startsWith("oauth "));
        }
    }

    @Test
    void dockerConfigJsonCredentialsAreUsed() throws Exception {
        assumeTrue(TestRegistry.installed(), "docker-registry is not installed");
        Path dir = Files.createDirectories(tmp.resolve("token"));
        try (TokenServer tokens = TokenServer.start(dir, USER, PASSWORD, false);
             TestRegistry registry = TestRegistry.start(Files.createDirectories(tmp.resolve("reg")), tokens.registryAuthYaml(dir))) {
            DockerCredentials docker = new DockerCredentials(Files.createDirectories(tmp.resolve("docker")), Map.of());
            docker.store(registry.host(), RegistryCredential.basic(USER, PASSWORD));
            roundTrip(docker::lookup, RemoteRef.parse(registry.host() + "/cfg/app:1"));
        }
    }

    @Test
    void tokenAuthMountsAskForPullOnTheSourceRepository() throws Exception {
        assumeTrue(TestRegistry.installed(), "docker-registry is not installed");
        Path dir = Files.createDirectories(tmp.resolve("token"));
        try (TokenServer tokens = TokenServer.start(dir, USER, PASSWORD, false);
             TestRegistry registry = TestRegistry.start(Files.createDirectories(tmp.resolve("reg")), tokens.registryAuthYaml(dir))) {
            Credentials good = Credentials.of(registry.host(), USER, PASSWORD);
            Store source = Store.open(tmp.resolve("source"));
            Descriptor image = TestImages.image(source, AMD64, 22, 30_000);
            client(source, good).push(image, RemoteRef.parse(registry.host() + "/team/base:1"));

            Store store = Store.open(tmp.resolve("store"));
            client(store, good).pull(RemoteRef.parse(registry.host() + "/team/base:1"), AMD64, "base:1");
            var outcomes = client(store, good).pushReporting(image, RemoteRef.parse(registry.host() + "/team/app:1"));
            assertThat(outcomes.values()).containsOnly(BlobUploader.Outcome.MOUNTED);
            assertThat(tokens.requests()).contains(USER + " [repository:team/app:pull,push, repository:team/base:pull]");
        }
    }

    private void roundTrip(Credentials credentials, RemoteRef ref) {
        Store source = Store.open(tmp.resolve("source-" + ref.repository().replace('/', '-')));
        Descriptor image = TestImages.image(source, AMD64, 20, 40_000, 3_000);
        client(source, credentials).push(image, ref);
        Store target = Store.open(tmp.resolve("target-" + ref.repository().replace('/', '-')));
        PulledImage pulled = client(target, credentials).pull(ref, AMD64, "pulled:1");
        assertThat(pulled.manifestDigest()).isEqualTo(image.digest());
        assertThat(target.blobs().fsck().ok()).isTrue();
    }
}
