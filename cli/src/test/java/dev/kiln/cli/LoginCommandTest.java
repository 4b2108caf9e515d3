package dev.kiln.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.KilnException;
import dev.kiln.registry.TestRegistry;
import dev.kiln.store.Store;
import dev.kiln.testing.BusyboxImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code kiln login}/{@code logout} against a real htpasswd-protected docker-registry, with a temporary docker config. */
class LoginCommandTest {
    private static final String USER = "kiln";
    private static final String PASSWORD = "s3cret pass";

    @TempDir
    Path tmp;
    Path dockerConfig;
    Path storeRoot;
    LoopbackOnly network;

    @BeforeEach
    void isolate() throws IOException {
        dockerConfig = Files.createDirectories(tmp.resolve("docker"));
        DockerConfigLocation.overrideForTests(dockerConfig);
        storeRoot = tmp.resolve("home");
        network = LoopbackOnly.install();
    }

    @AfterEach
    void restore() {
        network.close();
        DockerConfigLocation.overrideForTests(null);
    }

    @Test
    void loginStoresWhatTheRegistryAcceptedAndLogoutForgetsIt() throws Exception {
        assumeTrue(TestRegistry.installed() && TestRegistry.htpasswdInstalled(), "docker-registry or htpasswd missing");
        try (var registry = TestRegistry.startWithHtpasswd(tmp.resolve("reg"), USER, PASSWORD)) {
            var host = registry.host();
            BusyboxImage.importInto(Store.open(tmp.resolve("home")), "busybox:base");
            var anonymous = MainTest.runWithStore(storeRoot, "push", "busybox:base", host + "/secured/busybox:1");
            assertThat(anonymous.code()).isEqualTo(1);
            assertThat(anonymous.err()).contains("HTTP 401").contains("log in first (kiln login " + host + ")");

            var login = withStdin(PASSWORD + "\n", () -> MainTest.runWithStore(storeRoot, "login", "-u", USER, "--password-stdin", host));
            assertThat(login.code()).as(login.err()).isZero();
            assertThat(login.out().strip()).isEqualTo("Login Succeeded");
            assertThat(storedAuth(host)).isEqualTo(Base64.getEncoder()
                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));

            // the stored credential is what push and pull now use
            var push = MainTest.runWithStore(storeRoot, "push", "busybox:base", host + "/secured/busybox:1");
            assertThat(push.code()).as(push.err()).isZero();
            storeRoot = tmp.resolve("other");
            var pull = MainTest.runWithStore(storeRoot, "pull", host + "/secured/busybox:1");
            assertThat(pull.code()).as(pull.err()).isZero();
            assertThat(pull.out().strip()).isEqualTo(push.out().strip());

            var logout = MainTest.runWithStore(storeRoot, "logout", host);
            assertThat(logout.code()).isZero();
            assertThat(logout.out().strip()).isEqualTo("Removing login credentials for " + host);
            assertThat(storedAuth(host)).isNull();
            var again = MainTest.runWithStore(storeRoot, "logout", host);
            assertThat(again.out().strip()).isEqualTo("Not logged in to " + host);
            var refused = MainTest.runWithStore(storeRoot, "pull", host + "/secured/busybox:1");
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("log in first");
        }
        assertThat(network.refused()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsStored() throws Exception {
        assumeTrue(TestRegistry.installed() && TestRegistry.htpasswdInstalled(), "docker-registry or htpasswd missing");
        try (var registry = TestRegistry.startWithHtpasswd(tmp.resolve("reg"), USER, PASSWORD)) {
            var host = registry.host();
            var result = MainTest.runWithStore(storeRoot, "login", "-u", USER, "-p", "wrong", "https://" + host + "/v2/");
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.out()).doesNotContain("Login Succeeded");
            assertThat(result.err())
                    .contains("WARNING! Using --password via the CLI is insecure")
                    .contains("registry " + host + ": cannot log in: HTTP 401")
                    .contains("refused the credentials")
                    .doesNotContain("\tat ");
            assertThat(dockerConfig.resolve("config.json")).doesNotExist();
        }
    }

    @Test
    void flagMistakesAreClearErrorsBeforeAnyConnection() {
        var both = withStdin("x\n", () -> MainTest.runWithStore(storeRoot, "login", "-u", USER, "-p", "x", "--password-stdin", "127.0.0.1:9"));
        assertThat(both.err()).contains("--password and --password-stdin are mutually exclusive");
        var noUser = withStdin("x\n", () -> MainTest.runWithStore(storeRoot, "login", "--password-stdin", "127.0.0.1:9"));
        assertThat(noUser.err()).contains("--password-stdin needs the user name");
        var empty = withStdin("\n", () -> MainTest.runWithStore(storeRoot, "login", "-u", USER, "--password-stdin", "127.0.0.1:9"));
        assertThat(empty.err()).contains("the password is empty");
        var badServer = MainTest.runWithStore(storeRoot, "logout", "not a host");
        assertThat(badServer.code()).isEqualTo(1);
        assertThat(badServer.err()).contains("invalid registry \"not a host\"");
        assertThat(dockerConfig.resolve("config.json")).doesNotExist();
    }

    @Test
    void serversAreNamedAsDockerNamesThem() {
        assertThat(LoginServer.of(null)).isEqualTo("docker.io");
        assertThat(LoginServer.of("https://index.docker.io/v1/")).isEqualTo("docker.io");
        assertThat(LoginServer.of("registry-1.docker.io")).isEqualTo("docker.io");
        assertThat(LoginServer.of("http://127.0.0.1:5000/v2/")).isEqualTo("127.0.0.1:5000");
        assertThat(LoginServer.of("[::1]:5000")).isEqualTo("[::1]:5000");
        assertThat(LoginServer.of("ghcr.io")).isEqualTo("ghcr.io");
        assertThatThrownBy(() -> LoginServer.of("host:port")).isInstanceOf(KilnException.class);
    }

    @Test
    void aPipedPasswordLosesOnlyItsLineEnd() {
        assertThat(LoginCommand.readStdin(new ByteArrayInputStream("pw \r\n".getBytes(StandardCharsets.UTF_8)))).isEqualTo("pw ");
        assertThat(LoginCommand.readStdin(new ByteArrayInputStream("pw\n\n".getBytes(StandardCharsets.UTF_8)))).isEqualTo("pw\n");
    }

    private String storedAuth(String host) throws IOException {
        var node = new ObjectMapper().readTree(dockerConfig.resolve("config.json").toFile()).path("auths").path(host).path("auth");
        return node.isMissingNode() ? null : node.asText();
    }

    private static MainTest.Result withStdin(String text, java.util.function.Supplier<MainTest.Result> run) {
        var previous = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(previous);
        }
    }
}
