package dev.kiln.dockerfile.ignore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerIgnoreTest {
    @TempDir
    Path context;

    @Test
    void dockerfileSpecificIgnoreFileWinsOverTheContextOne() throws IOException {
        Path dockerfile = Files.writeString(context.resolve("build.Dockerfile"), "FROM scratch\n");
        Files.writeString(context.resolve(".dockerignore"), "shared\n");
        Files.writeString(context.resolve("build.Dockerfile.dockerignore"), "specific\n");

        PatternMatcher matcher = DockerIgnore.load(context, dockerfile);

        assertThat(matcher.matches("specific")).isTrue();
        assertThat(matcher.matches("shared")).isFalse();
        assertThat(DockerIgnore.ignoreFile(context, dockerfile)).contains(context.resolve("build.Dockerfile.dockerignore"));
    }

    @Test
    void dockerfileOutsideTheContextStillFindsItsOwnIgnoreFile(@TempDir Path elsewhere) throws IOException {
        Path dockerfile = Files.writeString(elsewhere.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(elsewhere.resolve("Dockerfile.dockerignore"), "*.log\n");
        Files.writeString(context.resolve(".dockerignore"), "src\n");

        PatternMatcher matcher = DockerIgnore.load(context, dockerfile);

        assertThat(matcher.matches("debug.log")).isTrue();
        assertThat(matcher.matches("src/Main.java")).isFalse();
    }

    @Test
    void contextIgnoreFileAppliesWhenTheDockerfileHasNone() throws IOException {
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(context.resolve(".dockerignore"), "\uFEFF# build output\n/target\n!target/keep.txt\n");

        PatternMatcher matcher = DockerIgnore.load(context, dockerfile);

        assertThat(matcher.matches("target/classes/A.class")).isTrue();
        assertThat(matcher.matches("target/keep.txt")).isFalse();
        assertThat(matcher.hasExclusions()).isTrue();
    }

    @Test
    void noIgnoreFileMatchesNothing() throws IOException {
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");

        PatternMatcher matcher = DockerIgnore.load(context, dockerfile);

        assertThat(matcher.isEmpty()).isTrue();
        assertThat(matcher.matches("anything/at/all")).isFalse();
        assertThat(DockerIgnore.ignoreFile(context, dockerfile)).isEmpty();
    }

    @Test
    void aDirectoryNamedLikeTheIgnoreFileIsNotOne() throws IOException {
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        Files.createDirectory(context.resolve("Dockerfile.dockerignore"));
        Files.writeString(context.resolve(".dockerignore"), "x\n");

        assertThat(DockerIgnore.load(context, dockerfile).matches("x")).isTrue();
    }

    @Test
    void bareExclamationMarkIsAnErrorThatSaysWhatToFix() throws IOException {
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(context.resolve(".dockerignore"), "!\n");

        assertThatThrownBy(() -> DockerIgnore.load(context, dockerfile))
                .isInstanceOf(IgnorePatternException.class)
                .hasMessageContaining("illegal exclusion pattern");
    }

    @Test
    void badBracketIsReportedWhenTheMatcherIsBuilt() {
        assertThatThrownBy(() -> PatternMatcher.compile(List.of("a[")))
                .isInstanceOf(IgnorePatternException.class)
                .hasMessageContaining("\"a[\"");
    }
}
