package dev.kiln.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BuildDryRunTest {
    @TempDir
    Path context;

    private static final String SEED = """
            # syntax=docker/dockerfile:1
            FROM golang:1.22 AS builder
            WORKDIR /src
            COPY . .
            RUN CGO_ENABLED=0 go build -o /out/app .

            FROM golang:1.22 AS lint
            RUN go vet ./...

            FROM scratch
            COPY --from=builder /out/app /app
            CMD ["/app"]
            """;

    @Test
    void printsStagesInBuildOrderWithPrunedStagesAndExpandedSteps() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), SEED);
        var result = MainTest.run("build", "--dry-run", context.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("[0] builder  FROM golang:1.22 (image)")
                .contains("WORKDIR /src")
                .contains("[2] stage-2  FROM scratch  [needs: builder]")
                .contains("COPY --from=builder /out/app /app")
                .contains("Pruned")
                .contains("[1] lint");
        var order = result.out().substring(result.out().indexOf("Build order:"));
        assertThat(order.indexOf("[0] builder")).isLessThan(order.indexOf("[2] stage-2"));
    }

    @Test
    void readsTheDockerfileFromStdin() {
        var previous = System.in;
        System.setIn(new ByteArrayInputStream("FROM busybox\nENV A=b\n".getBytes(StandardCharsets.UTF_8)));
        try {
            var result = MainTest.run("build", "--dry-run", "-f", "-", context.toString());
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains("Plan for -").contains("ENV A=b");
        } finally {
            System.setIn(previous);
        }
    }

    @Test
    void brokenDockerfileNamesFileLineAndColumnWithoutAStackTrace() throws IOException {
        var file = context.resolve("Dockerfile");
        Files.writeString(file, "FROM busybox\nCOPPY a b\n");
        var result = MainTest.run("build", "--dry-run", context.toString());
        assertThat(result.code()).isNotZero();
        assertThat(result.err())
                .contains(file + ":2:")
                .contains("did you mean COPY?")
                .doesNotContain("\tat ");
    }

    @Test
    void unsupportedSyntaxFrontendIsRefused() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "# syntax=example.com/custom/frontend:2\nFROM busybox\n");
        var result = MainTest.run("build", "--dry-run", context.toString());
        assertThat(result.code()).isNotZero();
        assertThat(result.err()).contains(":1:").contains("not supported");
    }

    @Test
    void missingDockerfileIsAClearError() {
        var result = MainTest.run("build", "--dry-run", context.toString());
        assertThat(result.code()).isNotZero();
        assertThat(result.err()).contains("does not exist").doesNotContain("\tat ");
    }

    @Test
    void buildArgsReachTheGlobalScope() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "ARG BASE=busybox\nFROM $BASE\n");
        var result = MainTest.run("build", "--dry-run", "--build-arg", "BASE=alpine:3", context.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("FROM alpine:3 (image)");
    }

    @Test
    void warningsNameTheirLine() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM busybox as build\nFROM build\n");
        var result = MainTest.run("build", "--dry-run", context.toString());
        assertThat(result.code()).isZero();
        assertThat(result.err()).contains("Dockerfile:1: FromAsCasing");
    }

    @Test
    void checkErrorTrueFailsAfterPrintingTheWarnings() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "# check=error=true\nFROM busybox as build\nFROM build\n");
        var result = MainTest.run("build", "--dry-run", context.toString());
        assertThat(result.code()).isNotZero();
        assertThat(result.err()).contains("Dockerfile:2: FromAsCasing: 'as' and 'FROM' keywords' casing do not match")
                .contains("ERROR: lint violation found for rules: FromAsCasing").doesNotContain("\tat ");
    }

    @Test
    void copyOfAnIgnoredFileWarns() throws IOException {
        Files.writeString(context.resolve(".dockerignore"), "secret.txt\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY secret.txt /\n");
        var result = MainTest.run("build", "--dry-run", context.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("Dockerfile:2: CopyIgnoredFile: Attempting to Copy file "
                + "\"secret.txt\" that is excluded by .dockerignore");
    }
}
