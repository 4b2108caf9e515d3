package dev.kiln.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.dockerfile.DockerfileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntaxDirectiveTest {
    private static final String DIGEST = "@sha256:abababababababababababababababababababababababababababababababab";

    @ParameterizedTest
    @ValueSource(strings = {"docker/dockerfile", "docker/dockerfile:1", "docker/dockerfile:1.7", "docker/dockerfile:1.7.1",
            "docker/dockerfile:1-labs", "docker/dockerfile:1.7-labs", "docker/dockerfile:1.7.1-labs",
            "docker.io/docker/dockerfile:1", "docker/dockerfile:1" + DIGEST, "docker/dockerfile" + DIGEST,
            "docker/dockerfile:1.4 --some-frontend-arg"})
    void kilnsOwnSyntaxIsAccepted(String value) {
        ParsedDockerfile parsed = DockerfileParser.parse("Dockerfile", "# syntax=" + value + "\nFROM a\n");

        assertThatCode(() -> SyntaxDirective.check(parsed)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tonistiigi/dockerfile:runmount", "docker/dockerfile:2", "docker/dockerfile:1.x",
            "docker/dockerfile-upstream:master", "example.com/docker/dockerfile:1", "docker/dockerfile:1@sha256:abc"})
    void otherFrontendsAreRejectedAtTheDirectiveLine(String value) {
        ParsedDockerfile parsed = DockerfileParser.parse("Dockerfile", "# check=skip=all\n#  syntax = " + value + "\nFROM a\n");

        DockerfileException e = catchThrowableOfType(DockerfileException.class, () -> SyntaxDirective.check(parsed));

        assertThat(e.range().startLine()).isEqualTo(2);
        assertThat(e.range().startColumn()).isEqualTo(13);
        assertThat(e).hasMessageContaining("Kiln implements the Dockerfile frontend itself")
                .hasMessageContaining("frontend image " + value + " is not supported")
                .hasMessageContaining("docker/dockerfile:1");
    }

    @Test
    void noDirectiveNothingToCheck() {
        assertThatCode(() -> SyntaxDirective.check(DockerfileParser.parse("Dockerfile", "FROM a\n# syntax=foo\n")))
                .doesNotThrowAnyException();
    }
}
