package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 3, "checked by" 4: bad input is one clear error naming the Dockerfile line, with no
 * stack trace — missing sources, sources outside the context, a bad --chown, an unknown --from
 * that is no image either, and ADD of a download whose checksum does not match.
 */
class AcceptBadInputTest {
    @TempDir
    static Path tmp;
    static Path home;
    static HttpServer server;

    @BeforeAll
    static void storeAndServer() throws IOException {
        home = tmp.resolve("home");
        Acceptance.importBusybox(home, tmp);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/file.txt", exchange -> {
            var body = "served\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            COPY missing.txt /                        | "missing.txt": not found in the build context
            COPY present.txt nothing-*.txt missing/ / | "missing/": not found in the build context
            COPY ../present.txt /                     | '../present.txt' is outside the build context
            COPY sub/../../present.txt /              | 'sub/../../present.txt' is outside the build context
            COPY abs-link /                           | 'abs-link' is a symlink to the absolute path '/etc/passwd', which is outside the build context
            COPY up-link/passwd /                     | 'up-link/passwd' leads outside the build context
            COPY --chown=nobody present.txt /         | --chown: unknown user 'nobody'
            COPY --chown=app:nogroup present.txt /    | --chown: unknown group 'nogroup'
            COPY --from=No_Such_Stage /x /            | No_Such_Stage
            """)
    void aBadCopyIsOneClearErrorAtItsLine(String instruction, String problem) throws IOException {
        var context = context("FROM busybox\nENV UNUSED=1\n" + instruction + "\n");
        var result = Acceptance.kiln(home, "build", "--progress", "plain", context.toString());
        assertThat(result.code()).isEqualTo(1);
        var error = lastLine(result.err());
        assertThat(error).startsWith("ERROR: ").contains("Dockerfile:3: ").contains(problem);
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void addWithAWrongChecksumNamesTheLineAndBothDigests() throws IOException {
        var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/file.txt";
        var wrong = "sha256:" + "0".repeat(64);
        var context = context("FROM busybox\nADD --checksum=" + wrong + " " + url + " /\n");
        var result = Acceptance.kiln(home, "build", "--progress", "plain", context.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(lastLine(result.err())).startsWith("ERROR: ").contains("Dockerfile:2: ADD: checksum mismatch")
                .contains(url).contains(wrong)
                .contains("sha256:c5acc4ae7d85cda11df11e6bc0c06ab55bffbd2b3db121d0a9e3ebb98bd98cac") // sha256 of "served\n"
                .doesNotContain("ADD: ADD:");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    private static Path context(String dockerfile) throws IOException {
        var context = Files.createTempDirectory(tmp, "ctx");
        Files.writeString(context.resolve("Dockerfile"), dockerfile);
        Files.writeString(context.resolve("present.txt"), "here\n");
        Files.createDirectories(context.resolve("sub"));
        Files.createSymbolicLink(context.resolve("abs-link"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(context.resolve("up-link"), Path.of("../../../../../../etc"));
        return context;
    }

    private static String lastLine(String text) {
        var lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }
}
