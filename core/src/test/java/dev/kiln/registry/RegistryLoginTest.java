package dev.kiln.registry;

import static dev.kiln.registry.RegistryAuthTest.PASSWORD;
import static dev.kiln.registry.RegistryAuthTest.USER;
import static dev.kiln.registry.RegistryRoundTripTest.FAST;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.registry.auth.RegistryCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RegistryClient#verifyLogin}: what {@code kiln login} asks a real registry before storing a credential. */
class RegistryLoginTest {
    static final RegistryClient.Options OPTIONS = RegistryClient.Options.defaults().withRetry(FAST);

    @TempDir
    Path tmp;

    @Test
    void htpasswdRegistryAcceptsTheRightPasswordOnly() throws Exception {
        assumeTrue(TestRegistry.installed() && TestRegistry.htpasswdInstalled(), "docker-registry or htpasswd missing");
        try (TestRegistry registry = TestRegistry.startWithHtpasswd(tmp, USER, PASSWORD)) {
            assertThatCode(() -> RegistryClient.verifyLogin(registry.host(), RegistryCredential.basic(USER, PASSWORD), OPTIONS))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> RegistryClient.verifyLogin(registry.host(), RegistryCredential.basic(USER, "wrong"), OPTIONS))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(401))
                    .hasMessageContaining("registry " + registry.host() + ": cannot log in: HTTP 401")
                    .hasMessageContaining("refused the credentials");
            assertThatThrownBy(() -> RegistryClient.verifyLogin(registry.host(), RegistryCredential.basic("nobody", PASSWORD), OPTIONS))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("HTTP 401");
        }
    }

    @Test
    void tokenRegistryChecksTheCredentialAtItsTokenServer() throws Exception {
        assumeTrue(TestRegistry.installed(), "docker-registry is not installed");
        Path dir = Files.createDirectories(tmp.resolve("token"));
        try (TokenServer tokens = TokenServer.start(dir, USER, PASSWORD, false);
             TestRegistry registry = TestRegistry.start(Files.createDirectories(tmp.resolve("reg")), tokens.registryAuthYaml(dir))) {
            RegistryClient.verifyLogin(registry.host(), RegistryCredential.basic(USER, PASSWORD), OPTIONS);
            assertThat(tokens.requests()).containsExactly(USER + " []");

            assertThatThrownBy(() -> RegistryClient.verifyLogin(registry.host(), RegistryCredential.basic(USER, "nope"), OPTIONS))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("fetch a token")
                    .hasMessageContaining("incorrect username or password");
        }
    }

    @Test
    void anUnreachableRegistryIsAClearError() throws Exception {
        String dead = "127.0.0.1:" + TestRegistry.freePort();
        assertThatThrownBy(() -> RegistryClient.verifyLogin(dead, RegistryCredential.basic(USER, PASSWORD),
                OPTIONS.withRetry(new RetryPolicy(1, java.time.Duration.ZERO, java.time.Duration.ZERO))))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("registry " + dead)
                .hasMessageContaining("connect to http://" + dead + "/v2/");
    }
}
