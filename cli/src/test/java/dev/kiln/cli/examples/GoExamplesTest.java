package dev.kiln.cli.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Issue 8, the Go examples: each is built by Kiln from {@code golang:1.19} (made here from Debian's
 * golang-go, served through a docker.io mirror on 127.0.0.1), run with {@code kiln run}, and its final
 * image read layer by layer: the program is there, the toolchain and the sources are not.
 */
@DisabledIfSystemProperty(named = "kiln.quick", matches = ".*")
class GoExamplesTest {
    /** Where a Go toolchain or the sources would show in an image. */
    private static final Predicate<String> GO_OR_SOURCES = path -> path.startsWith("usr/lib/go")
            || path.equals("usr/bin/go") || path.endsWith(".go") || path.startsWith("src/");

    static ExampleFixture examples;

    @BeforeAll
    static void serveBaseImages() throws Exception {
        examples = ExampleFixture.start("go", "golang", "alpine");
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (examples != null) examples.close();
    }

    @Test
    void goHelloPrintsHelloDockerFromASlimImageHoldingOnlyTheBinary() {
        var context = examples.context("go-hello");
        examples.build("go-hello", context);
        examples.build("go-hello:build-stage", context, "--target", "builder");
        examples.build("go-hello:single-stage", context, "-f", context.resolve("Dockerfile.single").toString());

        assertThat(examples.kiln().ok("run", "go-hello")).isEqualTo("Hello Docker!\n");
        assertThat(examples.kiln().ok("run", "go-hello:single-stage")).isEqualTo("Hello Docker!\n");

        var result = examples.image("go-hello");
        var alpine = examples.image("alpine:latest");
        assertThat(result.filesAddedOver(alpine)).containsExactly("root/app");
        assertThat(result.paths()).noneMatch(GO_OR_SOURCES);
        assertThat(result.config().cmd()).containsExactly("./app");
        assertThat(result.config().workingDir()).isIn("/root", "/root/");

        var single = examples.image("go-hello:single-stage");
        var build = examples.image("go-hello:build-stage");
        assertThat(single.paths()).contains("usr/lib/go-1.19/bin/go", "src/main.go", "out/app");
        assertThat(result.unpackedSize()).isLessThan(single.unpackedSize() / 20);
        assertThat(result.unpackedSize()).isLessThan(build.unpackedSize() / 20);
        SizeTable.record(new SizeTable.Row("go-hello", "builder", build, Optional.of(single), result));
    }

    @Test
    void goScratchIsAStaticBinaryAloneOnAnEmptyBase() {
        var context = examples.context("go-scratch");
        examples.build("go-scratch", context);
        examples.build("go-scratch:build-stage", context, "--target", "build");

        assertThat(examples.kiln().ok("run", "go-scratch")).isEqualTo("Hello from scratch!\n");
        assertThat(examples.kiln().ok("run", "go-scratch", "Kiln", "users")).isEqualTo("Hello Kiln users!\n");

        var result = examples.image("go-scratch");
        assertThat(result.paths()).containsExactlyInAnyOrder("hello", "VERSION");
        assertThat(result.read("VERSION")).matches("hello built with go1\\.19[.0-9]* for linux/\\w+\n");
        assertThat(result.config().entrypoint()).containsExactly("/hello");
        SizeTable.record(new SizeTable.Row("go-scratch", "build", examples.image("go-scratch:build-stage"),
                Optional.empty(), result));
    }

    @Test
    void goWebAnswersPingOnTheHostNetworkAndStopsWithKiln() throws Exception {
        var context = examples.context("go-web");
        examples.build("go-web", context);
        examples.build("go-web:build-stage", context, "--target", "build");
        var result = examples.image("go-web");
        assertThat(result.config().exposedPorts()).containsExactly("8080/tcp");
        assertThat(result.config().entrypoint()).containsExactly("/usr/local/bin/server");
        assertThat(result.filesAddedOver(examples.image("alpine:latest")))
                .containsExactly("usr/local/bin/server");
        assertThat(result.paths()).noneMatch(GO_OR_SOURCES);

        // The story's port; another one (through CMD) only if something here already listens on 8080.
        int port = ExampleFixture.portFree(8080) ? 8080 : ExampleFixture.freePort();
        var args = port == 8080 ? new String[] {"run", "--network", "host", "go-web"}
                : new String[] {"run", "--network", "host", "go-web", "-addr", "127.0.0.1:" + port};
        String body;
        try (var server = examples.kiln().start(args)) {
            body = ExampleFixture.getWhenUp("http://127.0.0.1:" + port + "/ping", server);
        }
        assertThat(new ObjectMapper().readTree(body)).isEqualTo(new ObjectMapper().readTree("{\"message\":\"pong\"}"));
        assertThat(listening(port)).as("the server still listens after kiln run was stopped").isFalse();
        SizeTable.record(new SizeTable.Row("go-web", "build", examples.image("go-web:build-stage"),
                Optional.empty(), result));
    }

    private static boolean listening(int port) {
        try (var socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
