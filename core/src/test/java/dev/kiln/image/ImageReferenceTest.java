package dev.kiln.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    private static final String HEX = "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            alpine                    | docker.io       | library/alpine   | latest | -
            alpine:3.20               | docker.io       | library/alpine   | 3.20   | -
            user/app                  | docker.io       | user/app         | latest | -
            docker.io/alpine          | docker.io       | library/alpine   | latest | -
            index.docker.io/user/app  | docker.io       | user/app         | latest | -
            library/foo/bar           | docker.io       | library/foo/bar  | latest | -
            host:5000/a/b:tag         | host:5000       | a/b              | tag    | -
            example.com/x             | example.com     | x                | latest | -
            localhost/x               | localhost       | x                | latest | -
            localhost:5000            | docker.io       | library/localhost| 5000   | -
            [::1]:5000/x              | [::1]:5000      | x                | latest | -
            [fc00::1]:5000/docker/docker | [fc00::1]:5000 | docker/docker  | latest | -
            127.0.0.1:5000/debian     | 127.0.0.1:5000  | debian           | latest | -
            test_com/foo              | docker.io       | test_com/foo     | latest | -
            test-com:8080/foo         | test-com:8080   | foo              | latest | -
            xn--n3h.com/foo           | xn--n3h.com     | foo              | latest | -
            Foo/bar                   | Foo             | bar              | latest | -
            docker---rules/dock__er   | docker.io       | docker---rules/dock__er | latest | -
            """)
    void parsesAndNormalizes(String text, String domain, String path, String tag, String digest) {
        ImageReference reference = ImageReference.parse(text);
        assertThat(reference).isEqualTo(new ImageReference(domain, path, tag, digest));
    }

    @Test
    void digestReferencesKeepNoDefaultTag() {
        ImageReference pinned = ImageReference.parse("alpine@sha256:" + HEX);
        assertThat(pinned.tag()).isNull();
        assertThat(pinned.toString()).isEqualTo("docker.io/library/alpine@sha256:" + HEX);
        assertThat(pinned.manifestReference()).isEqualTo("sha256:" + HEX);

        ImageReference both = ImageReference.parse("busybox:1.36@sha256:" + HEX);
        assertThat(both.tag()).isEqualTo("1.36");
        assertThat(both.digest()).isEqualTo("sha256:" + HEX);
        assertThat(both.toString()).isEqualTo("docker.io/library/busybox:1.36@sha256:" + HEX);
        assertThat(both.familiar()).isEqualTo("busybox:1.36@sha256:" + HEX);
        assertThat(both.manifestReference()).isEqualTo("sha256:" + HEX);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            alpine                         | docker.io/library/alpine:latest        | alpine:latest
            user/app:1                     | docker.io/user/app:1                   | user/app:1
            docker.io/library/foo/bar      | docker.io/library/foo/bar:latest       | library/foo/bar:latest
            host:5000/a/b:tag              | host:5000/a/b:tag                      | host:5000/a/b:tag
            localhost/x                    | localhost/x:latest                     | localhost/x:latest
            """)
    void canonicalAndFamiliarForms(String text, String canonical, String familiar) {
        ImageReference reference = ImageReference.parse(text);
        assertThat(reference.toString()).isEqualTo(canonical);
        assertThat(reference.familiar()).isEqualTo(familiar);
        assertThat(ImageReference.parse(canonical)).as("canonical form parses back").isEqualTo(reference);
        assertThat(ImageReference.parse(familiar)).as("familiar form parses back").isEqualTo(reference);
    }

    @Test
    void registryHostAndRepository() {
        assertThat(ImageReference.parse("alpine").registryHost()).isEqualTo("registry-1.docker.io");
        assertThat(ImageReference.parse("alpine").repository()).isEqualTo("docker.io/library/alpine");
        assertThat(ImageReference.parse("[::1]:5000/x").registryHost()).isEqualTo("[::1]:5000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Alpine                       | repository name (library/Alpine) must be lowercase
            docker/Docker                | repository name (docker/Docker) must be lowercase
            example.com/Foo:1            | repository name (Foo) must be lowercase
            -docker                      | repository name (library/-docker)
            docker-/docker               | repository name (docker-/docker)
            dock..er/docker              | registry host "dock..er"
            ____/____                    | repository name (____/____)
            docker///docker              | repository name (docker///docker)
            docker/                      | repository name (docker/)
            https://github.com/docker/docker | registry host "https:"
            fc00::1:5000/debian          | registry host "fc00::1:5000"
            [fe80::1%eth0]:5000/debian   | registry host "[fe80::1%eth0]:5000"
            [fc00::1]:5000               | repository name (library/[fc00::1])
            alpine:-bad                  | tag "-bad"
            alpine:a+b                   | tag "a+b"
            alpine@sha256:abc            | digest "sha256:abc"
            alpine@md5:0123456789abcdef0123456789abcdef | unsupported digest algorithm "md5"
            alpine@sha256:0123456789abcdef0123456789abcdef | needs 64 hex digits, got 32
            @sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c | at least one component
            """)
    void rejectsWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOf(KilnException.class)
                .hasMessageStartingWith("invalid reference format: ")
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsUpperCaseDigestHex() {
        assertThatThrownBy(() -> ImageReference.parse("alpine@sha256:" + HEX.toUpperCase()))
                .isInstanceOf(KilnException.class).hasMessageContaining("lower case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", HEX})
    void rejectsEmptyAndBareImageIds(String text) {
        assertThatThrownBy(() -> ImageReference.parse(text)).isInstanceOf(KilnException.class)
                .hasMessageContaining("repository name");
    }

    @Test
    void repositoryPathIsLimitedTo255Characters() {
        String longest = "a".repeat(247); // + "library/" = 255
        assertThat(ImageReference.parse(longest).path()).hasSize(255);
        assertThatThrownBy(() -> ImageReference.parse(longest + "a")).isInstanceOf(KilnException.class)
                .hasMessageContaining("not be more than 255 characters");
    }

    @Test
    void tagsAreLimitedTo128Characters() {
        assertThat(ImageReference.parse("a:" + "t".repeat(128)).tag()).hasSize(128);
        assertThatThrownBy(() -> ImageReference.parse("a:" + "t".repeat(129))).isInstanceOf(KilnException.class);
    }

    @Test
    void withTagAndDigestValidate() {
        ImageReference alpine = ImageReference.parse("alpine");
        assertThat(alpine.withTag("3").toString()).isEqualTo("docker.io/library/alpine:3");
        assertThat(alpine.withDigest("sha256:" + HEX).toString())
                .isEqualTo("docker.io/library/alpine:latest@sha256:" + HEX);
        assertThatThrownBy(() -> alpine.withTag(".x")).isInstanceOf(KilnException.class);
        assertThatThrownBy(() -> alpine.withDigest("sha256:xyz")).isInstanceOf(KilnException.class);
    }
}
