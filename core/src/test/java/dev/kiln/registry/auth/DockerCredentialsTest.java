package dev.kiln.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.KilnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCredentialsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A real credential helper speaking the docker-credential protocol, keeping secrets as files in
     * $KEYCHAIN and logging each call to $KEYCHAIN/calls.
     */
    private static final String HELPER = """
            #!/bin/sh
            set -e
            input=$(cat)
            echo "$1 $input" >> "$KEYCHAIN/calls"
            case "$1" in
              get|erase) server="$input" ;;
              store) server=$(printf '%s' "$input" | sed -n 's/.*"ServerURL":"\\([^"]*\\)".*/\\1/p') ;;
              *) echo "unknown action $1" >&2; exit 2 ;;
            esac
            [ "$server" = "broken.example" ] && { echo "keychain is locked" >&2; exit 1; }
            entry="$KEYCHAIN/$(printf '%s' "$server" | tr '/:' '__')"
            case "$1" in
              get) [ -f "$entry" ] || { echo "credentials not found in native keychain"; exit 1; }; cat "$entry" ;;
              store) printf '%s' "$input" > "$entry" ;;
              erase) [ -f "$entry" ] || { echo "credentials not found in native keychain"; exit 1; }; rm "$entry" ;;
            esac
            """;

    @TempDir
    Path work;
    Path configDir;
    Path keychain;
    DockerCredentials credentials;

    @BeforeEach
    void setUp() throws IOException {
        configDir = work.resolve("docker");
        keychain = Files.createDirectory(work.resolve("keychain"));
        Path bin = Files.createDirectory(work.resolve("bin"));
        Path helper = bin.resolve("docker-credential-test");
        Files.writeString(helper, HELPER);
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        credentials = new DockerCredentials(configDir,
                Map.of("PATH", bin + ":/usr/bin:/bin", "KEYCHAIN", keychain.toString()));
    }

    private void writeConfig(String json) throws IOException {
        Files.createDirectories(configDir);
        Files.writeString(configDir.resolve("config.json"), json);
    }

    private JsonNode config() throws IOException {
        return JSON.readTree(configDir.resolve("config.json").toFile());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> helperCalls() throws IOException {
        Path calls = keychain.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void noConfigMeansAnonymous() {
        assertThat(credentials.lookup("docker.io")).isEmpty();
    }

    @Test
    void readsBase64AuthsForDockerHubAndOtherRegistries() throws IOException {
        writeConfig("""
                {"auths": {
                  "https://index.docker.io/v1/": {"auth": "%s"},
                  "host:5000": {"auth": "%s"},
                  "https://old.example:8443/v2/": {"auth": "%s"}
                }}""".formatted(base64("hubuser:hub:pass"), base64("alice:s3cret"), base64("bob:pw")));
        assertThat(credentials.lookup("docker.io")).contains(RegistryCredential.basic("hubuser", "hub:pass"));
        assertThat(credentials.lookup("index.docker.io")).contains(RegistryCredential.basic("hubuser", "hub:pass"));
        assertThat(credentials.lookup("host:5000")).contains(RegistryCredential.basic("alice", "s3cret"));
        assertThat(credentials.lookup("old.example:8443")).contains(RegistryCredential.basic("bob", "pw"));
        assertThat(credentials.lookup("host:5001")).isEmpty();
    }

    @Test
    void readsIdentityTokens() throws IOException {
        writeConfig("""
                {"auths": {"reg.example": {"auth": "%s", "identitytoken": "refresh-123"}}}"""
                .formatted(base64("carol:")));
        assertThat(credentials.lookup("reg.example")).contains(RegistryCredential.token("carol", "refresh-123"));
    }

    @Test
    void aCredentialStoreAnswersThroughTheHelper() throws IOException {
        writeConfig("""
                {"credsStore": "test", "auths": {"https://index.docker.io/v1/": {}}}""");
        Files.writeString(keychain.resolve("https___index.docker.io_v1_"),
                "{\"ServerURL\":\"https://index.docker.io/v1/\",\"Username\":\"dora\",\"Secret\":\"pat-1\"}");
        assertThat(credentials.lookup("docker.io")).contains(RegistryCredential.basic("dora", "pat-1"));
        assertThat(helperCalls()).containsExactly("get https://index.docker.io/v1/");
        assertThat(credentials.lookup("other.example")).as("\"credentials not found\" is anonymous").isEmpty();
    }

    @Test
    void identityTokensComeBackFromHelpersAsTokenUsername() throws IOException {
        writeConfig("{\"credsStore\": \"test\"}");
        Files.writeString(keychain.resolve("reg.example"),
                "{\"ServerURL\":\"reg.example\",\"Username\":\"<token>\",\"Secret\":\"refresh-9\"}");
        assertThat(credentials.lookup("reg.example")).contains(RegistryCredential.token("", "refresh-9"));
    }

    @Test
    void credHelpersOverrideTheStoreForTheirRegistry() throws IOException {
        writeConfig("""
                {"credsStore": "absent", "credHelpers": {"host:5000": "test"}}""");
        Files.writeString(keychain.resolve("host_5000"), "{\"Username\":\"eve\",\"Secret\":\"pw\"}");
        assertThat(credentials.lookup("host:5000")).contains(RegistryCredential.basic("eve", "pw"));
        assertThatThrownBy(() -> credentials.lookup("elsewhere.example"))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("docker-credential-absent")
                .hasMessageContaining("not found in PATH");
    }

    @Test
    void helperFailuresCarryTheHelpersMessage() throws IOException {
        writeConfig("{\"credsStore\": \"test\"}");
        assertThatThrownBy(() -> credentials.lookup("broken.example"))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("docker-credential-test get for broken.example failed (exit 1)")
                .hasMessageContaining("keychain is locked");
    }

    @Test
    void loginWithoutAStoreWritesBase64AuthAtomicallyWithMode0600() throws IOException {
        writeConfig("""
                {"psFormat": "table {{.ID}}", "auths": {"https://host:5000": {"auth": "%s"}}}"""
                .formatted(base64("old:old")));
        credentials.store("host:5000", RegistryCredential.basic("alice", "pa:ss"));

        JsonNode config = config();
        assertThat(config.path("psFormat").asText()).as("unknown fields survive").isEqualTo("table {{.ID}}");
        assertThat(config.path("auths").properties()).hasSize(1);
        assertThat(config.path("auths").path("host:5000").path("auth").asText()).isEqualTo(base64("alice:pa:ss"));
        assertThat(Files.getPosixFilePermissions(configDir.resolve("config.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(configDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("config.json");
        }
        assertThat(credentials.lookup("host:5000")).contains(RegistryCredential.basic("alice", "pa:ss"));

        assertThat(credentials.erase("host:5000")).isTrue();
        assertThat(credentials.lookup("host:5000")).isEmpty();
        assertThat(credentials.erase("host:5000")).isFalse();
    }

    @Test
    void loginToDockerHubCreatesTheConfigUnderTheLegacyKey() throws IOException {
        credentials.store("docker.io", RegistryCredential.token("", "refresh-1"));
        assertThat(config().path("auths").path("https://index.docker.io/v1/").path("identitytoken").asText())
                .isEqualTo("refresh-1");
        assertThat(Files.getPosixFilePermissions(configDir))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void loginAndLogoutWithAStoreGoThroughTheHelper() throws IOException {
        writeConfig("{\"credsStore\": \"test\"}");
        credentials.store("docker.io", RegistryCredential.basic("dora", "pat-2"));

        assertThat(config().path("auths").path("https://index.docker.io/v1/").isEmpty())
                .as("only an empty marker in the file").isTrue();
        assertThat(Files.readString(configDir.resolve("config.json"))).doesNotContain("pat-2");
        assertThat(credentials.lookup("docker.io")).contains(RegistryCredential.basic("dora", "pat-2"));

        assertThat(credentials.erase("docker.io")).isTrue();
        assertThat(config().path("auths").has("https://index.docker.io/v1/")).isFalse();
        assertThat(credentials.lookup("docker.io")).isEmpty();
        assertThat(helperCalls()).first().asString()
                .startsWith("store {\"ServerURL\":\"https://index.docker.io/v1/\",\"Username\":\"dora\"");
        assertThat(helperCalls()).contains("erase https://index.docker.io/v1/");
    }

    @Test
    void aMalformedConfigNamesTheFile() throws IOException {
        writeConfig("{\"auths\": ");
        assertThatThrownBy(() -> credentials.lookup("docker.io")).isInstanceOf(KilnException.class)
                .hasMessageContaining(configDir.resolve("config.json").toString())
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void invalidBase64NamesTheRegistry() throws IOException {
        writeConfig("{\"auths\": {\"host:5000\": {\"auth\": \"%%%\"}}}");
        assertThatThrownBy(() -> credentials.lookup("host:5000")).isInstanceOf(KilnException.class)
                .hasMessageContaining("invalid auth for \"host:5000\"");
    }

    @Test
    void configDirectoryComesFromDockerConfigOrHome() {
        Path fromVariable = DockerCredentials.fromEnvironment(Map.of("DOCKER_CONFIG", "/cfg"), Path.of("/home/x"))
                .configFile();
        Path fromHome = DockerCredentials.fromEnvironment(Map.of("HOME", "/home/y"), Path.of("/home/x")).configFile();
        assertThat(fromVariable).isEqualTo(Path.of("/cfg/config.json"));
        assertThat(fromHome).isEqualTo(Path.of("/home/y/.docker/config.json"));
    }
}
