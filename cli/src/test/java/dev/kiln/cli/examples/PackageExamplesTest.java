package dev.kiln.cli.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.image.ImageConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Issue 8, the examples that install with a package manager or download: python-app and
 * install-then-copy install Debian packages with apt in a fat stage (the .debs are fetched beforehand
 * into the context, so the build is offline) and ship only what was installed; parallel-and-secret
 * downloads from a local server in two stages at once and with a secret token that no layer may hold.
 */
@DisabledIfSystemProperty(named = "kiln.quick", matches = ".*")
class PackageExamplesTest {
    static ExampleFixture examples;

    @BeforeAll
    static void serveBaseImages() throws Exception {
        examples = ExampleFixture.start("packages", "python", "debian", "alpine");
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (examples != null) examples.close();
    }

    @Test
    void pythonAppServesFlaskFromTheSlimBaseWithOnlyTheInstalledPackagesAdded() throws Exception {
        var context = examples.context("python-app");
        ExampleFixture.fetchDebs("python", context, "python3-flask");
        examples.build("python-app", context);
        examples.build("python-app:build-stage", context, "--target", "build");

        int port = ExampleFixture.freePort();
        String body;
        try (var server = examples.kiln().start("run", "--network", "host", "-e", "PORT=" + port, "python-app")) {
            body = ExampleFixture.getWhenUp("http://127.0.0.1:" + port + "/", server);
        }
        var json = new ObjectMapper().readTree(body);
        assertThat(json.path("message").asText()).isEqualTo("Hello from Flask");
        assertThat(json.path("flask").asText()).matches("\\d+\\.\\d+.*");

        var result = examples.image("python-app");
        var added = result.filesAddedOver(examples.image("python:3.11-slim"));
        assertThat(added).contains("usr/lib/python3/dist-packages/flask/__init__.py",
                "usr/lib/python3/dist-packages/werkzeug/__init__.py", "app/app.py");
        assertThat(added).allMatch(path -> path.startsWith("usr/lib/python3/dist-packages/") || path.equals("app/app.py"));
        var build = examples.image("python-app:build-stage");
        assertThat(build.paths()).contains("var/lib/dpkg/info/python3-flask.list", "tmp/debs");
        assertThat(result.paths()).doesNotContain("var/lib/dpkg/info/python3-flask.list", "tmp/debs");
        SizeTable.record(new SizeTable.Row("python-app", "build", build, Optional.empty(), result));
    }

    @Test
    void installThenCopyShipsOnlyTheFilesThePackageInstalledAndRunsNothingInTheFinalStage() throws Exception {
        var context = examples.context("install-then-copy");
        ExampleFixture.fetchDebs("debian", context, "gojq");
        examples.build("install-then-copy", context);
        examples.build("install-then-copy:build-stage", context, "--target", "installer");

        assertThat(examples.kiln().ok("run", "install-then-copy", "-n", "\"6 * 7 = \\(6 * 7)\""))
                .isEqualTo("\"6 * 7 = 42\"\n");

        var alpine = examples.image("alpine:latest");
        var result = examples.image("install-then-copy");
        var installed = debFiles(context.resolve("debs").resolve(onlyDeb(context)));
        assertThat(result.filesAddedOver(alpine)).contains("usr/bin/gojq", "usr/share/doc/gojq/copyright")
                .isSubsetOf(installed);
        assertThat(result.paths()).noneMatch(path -> path.startsWith("var/lib/dpkg") || path.startsWith("tmp/debs")
                || path.equals("usr/bin/apt-get"));
        var history = result.image().config().history();
        var ownSteps = history.subList(alpine.image().config().history().size(), history.size());
        assertThat(ownSteps).extracting(ImageConfig.History::createdBy).noneMatch(step -> step.startsWith("RUN"));
        SizeTable.record(new SizeTable.Row("install-then-copy", "installer",
                examples.image("install-then-copy:build-stage"), Optional.empty(), result));
    }

    @Test
    void parallelAndSecretFetchesAtOnceAndNoBlobOfTheStoreHoldsTheToken() throws Exception {
        var secretStore = examples.withNewStore("secret");
        var context = examples.context("parallel-and-secret");
        var token = "example:" + HexFormat.of().formatHex(randomBytes());
        var tokenFile = Files.writeString(examples.work().resolve("token"), token);
        try (var files = new FileServer(context.resolve("files"), token)) {
            secretStore.build("parallel-and-secret", context, "--secret", "id=token,src=" + tokenFile,
                    "--build-arg", "FILES=" + files.address());
            assertThat(files.fetchesOverlapped()).as("fetch-a and fetch-b downloaded at the same time").isTrue();
            assertThat(files.authorizedRequests()).isEqualTo(1);
            secretStore.build("parallel-and-secret:build-stage", context, "--target", "private",
                    "--secret", "id=token,src=" + tokenFile, "--build-arg", "FILES=" + files.address());
            assertThat(files.authorizedRequests()).as("the private stage came from the cache").isEqualTo(1);

            try (var without = secretStore.kiln().start("build", "--no-cache", "--progress", "plain",
                    "--registry-mirror", examples.mirror(), "--build-arg", "FILES=" + files.address(),
                    context.toString())) {
                assertThat(without.process().waitFor(10, TimeUnit.MINUTES)).isTrue();
                assertThat(without.process().exitValue()).as("a build without the required secret").isNotZero();
                assertThat(without.stderr()).contains("token");
            }
        }

        var privateNotes = Files.readString(context.resolve("files/private/notes.txt"));
        assertThat(secretStore.kiln().ok("run", "parallel-and-secret")).isEqualTo(
                Files.readString(context.resolve("files/a.txt")) + Files.readString(context.resolve("files/b.txt"))
                        + privateNotes);
        var home = secretStore.kiln().home();
        assertThat(StoreScan.filesContaining(home, privateNotes.getBytes(StandardCharsets.UTF_8)))
                .as("the scan finds what the private stage downloaded").isNotEmpty();
        assertThat(StoreScan.filesContaining(home, token.getBytes(StandardCharsets.UTF_8)))
                .as("files of the store holding the secret").isEmpty();
        SizeTable.record(new SizeTable.Row("parallel-and-secret", "private",
                secretStore.image("parallel-and-secret:build-stage"), Optional.empty(),
                secretStore.image("parallel-and-secret")));
    }

    private static byte[] randomBytes() {
        var bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static String onlyDeb(Path context) throws Exception {
        try (var debs = Files.list(context.resolve("debs"))) {
            var names = debs.map(p -> p.getFileName().toString()).toList();
            assertThat(names).hasSize(1);
            return names.getFirst();
        }
    }

    /** The paths a .deb installs, as dpkg-deb lists them ("usr/bin/gojq"); directories left out. */
    private static List<String> debFiles(Path deb) {
        return Tools.run(List.of("dpkg-deb", "--contents", deb.toString())).lines()
                .filter(line -> !line.startsWith("d"))
                .map(line -> line.replaceFirst("^(\\S+\\s+){5}\\./", "").replaceFirst(" -> .*$", ""))
                .toList();
    }
}
