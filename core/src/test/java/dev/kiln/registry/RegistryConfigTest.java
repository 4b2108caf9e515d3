package dev.kiln.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.KilnException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {
    @Test
    void mirrorsAndInsecureRegistries() {
        RegistryConfig config = RegistryConfig.parse("""
                # kiln config
                [build]
                jobs = 4
                [registry."docker.io"]
                mirrors = ["127.0.0.1:5000", "mirror.example:443"]  # local first
                [registry."myreg:5000"]
                insecure = true
                [registry.plain]
                mirrors = []
                """, "config.toml");
        assertThat(config.mirrorsOf("docker.io")).containsExactly("127.0.0.1:5000", "mirror.example:443");
        assertThat(config.mirrorsOf("plain")).isEmpty();
        assertThat(config.mirrorsOf("other")).isEmpty();
        assertThat(config.isInsecure("myreg:5000")).isTrue();
        assertThat(config.isInsecure("docker.io")).isFalse();
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertThatThrownBy(() -> RegistryConfig.parse("[registry.\"a\"]\nmirrors = \"x\"\n", "c.toml"))
                .isInstanceOf(KilnException.class).hasMessageStartingWith("c.toml:2: mirrors must be a list");
        assertThatThrownBy(() -> RegistryConfig.parse("[registry.\"a\"]\n\ninsecure = yes\n", "c.toml"))
                .hasMessage("c.toml:3: insecure must be true or false, got 'yes'");
        assertThatThrownBy(() -> RegistryConfig.parse("mirrors = [\"a\"]\n", "c.toml"))
                .hasMessageContaining("c.toml:1: 'mirrors' must be inside a [registry.\"host\"] table");
        assertThatThrownBy(() -> RegistryConfig.parse("[registry.\"a\"]\nmirrors = [\"https://a/b\"]\n", "c.toml"))
                .hasMessageContaining("must be host[:port]");
        assertThatThrownBy(() -> RegistryConfig.parse("[registry.\"a\"]\nproxy = 1\n", "c.toml"))
                .hasMessageContaining("unknown registry setting 'proxy'");
        assertThatThrownBy(() -> RegistryConfig.parse("[registry.\"a\"]\nmirrors = [\"a\" \"b\"]\n", "c.toml"))
                .hasMessageContaining("expected ','");
        assertThatThrownBy(() -> RegistryConfig.parse("what is this\n", "c.toml"))
                .hasMessageContaining("c.toml:1: expected [table] or key = value");
    }

    @Test
    void endpointsUseHttpOnlyForLoopbackAndInsecureHosts() {
        RegistryConfig config = RegistryConfig.empty().withInsecure("myreg:5000").withMirrors("docker.io", List.of("m:1"));
        assertThat(Endpoint.of("docker.io", "docker.io", config).uri("/v2/").toString()).isEqualTo("https://registry-1.docker.io/v2/");
        assertThat(Endpoint.of("myreg:5000", "myreg:5000", config).plainHttp()).isTrue();
        assertThat(Endpoint.of("other:5000", "other:5000", config).plainHttp()).isFalse();
        for (String loopback : List.of("localhost:5000", "127.0.0.1:5000", "127.1.2.3", "[::1]:5000", "localhost")) {
            assertThat(Endpoint.of(loopback, loopback, config).plainHttp()).as(loopback).isTrue();
        }
        for (String remote : List.of("127.0.0.1.example.com", "128.0.0.1", "localhost.example")) {
            assertThat(Endpoint.isLoopback(remote)).as(remote).isFalse();
        }
        Endpoint mirror = Endpoint.of("docker.io", "m:1", config);
        assertThat(mirror.isMirror()).isTrue();
        assertThat(mirror.credentialKey()).isEqualTo("m:1");
        assertThat(mirror.toString()).isEqualTo("m:1 (mirror of docker.io)");
    }

    @Test
    void referencesParseThroughImageReference() {
        assertThat(RemoteRef.parse("alpine")).isEqualTo(new RemoteRef("docker.io", "library/alpine", "latest"));
        RemoteRef pinned = RemoteRef.parse("127.0.0.1:5000/a/b:1@sha256:" + "0".repeat(64));
        assertThat(pinned.isDigest()).isTrue();
        assertThat(pinned.storeName()).isEqualTo("127.0.0.1:5000/a/b@sha256:" + "0".repeat(64));
    }
}
