package dev.kiln.cli.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the example tests share: the base-image registry, a Kiln store, building an example from a copy
 * of its folder (so the test leaves the checkout as it was), the Debian packages a build installs, and
 * talking to a server an image runs.
 */
final class ExampleFixture implements AutoCloseable {
    static final Path EXAMPLES = Path.of("examples");

    private final BaseImageRegistry registry;
    private final KilnProcess kiln;
    private final Path work;
    private final boolean owner;

    private ExampleFixture(BaseImageRegistry registry, KilnProcess kiln, Path work, boolean owner) {
        this.registry = registry;
        this.kiln = kiln;
        this.work = work;
        this.owner = owner;
    }

    /**
     * Starts the registry serving {@code baseImages} and makes a work folder (store, contexts, logs) under {@code cli/target/examples},
     * removed by {@link #close}. Not a JUnit temp dir: the store holds thousands of absolute symlinks of
     * the base images, which JUnit would warn about one by one.
     */
    static ExampleFixture start(String name, String... baseImages) throws IOException {
        var parent = Files.createDirectories(Path.of("cli", "target", "examples").toAbsolutePath());
        var work = Files.createTempDirectory(parent, name + "-"); // absolute: a relative KILN_HOME breaks RUN
        return new ExampleFixture(BaseImageRegistry.start(baseImages), new KilnProcess(work.resolve("home"), work.resolve("logs")),
                work, true);
    }

    /** The same registry and work folder with a store of its own, empty; closing it closes nothing. */
    ExampleFixture withNewStore(String name) {
        return new ExampleFixture(registry, new KilnProcess(work.resolve(name + "-home"), work.resolve("logs")), work,
                false);
    }

    Path work() {
        return work;
    }

    String mirror() {
        return registry.mirror();
    }

    KilnProcess kiln() {
        return kiln;
    }

    /** A copy of {@code examples/NAME} to build from. */
    Path context(String example) {
        var source = EXAMPLES.resolve(example);
        var target = work.resolve("ctx").resolve(example);
        try (Stream<Path> walk = Files.walk(source)) {
            for (var path : walk.filter(p -> !p.startsWith(source.resolve("debs"))).toList()) {
                var copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) Files.createDirectories(copy);
                else Files.copy(path, copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Puts into CONTEXT/debs the .debs {@code apt-get install PACKAGES} fetches on {@code image}. */
    static void fetchDebs(String image, Path context, String... packages) {
        var command = new ArrayList<>(List.of("examples/lib/fetch-debs", image, context.resolve("debs").toString()));
        command.addAll(List.of(packages));
        Tools.run(command);
    }

    /** {@code kiln build} through the base-image mirror; returns kiln's stdout (the image digest). */
    String build(String tag, Path context, String... options) {
        var args = new ArrayList<>(List.of("build", "--progress", "plain", "--registry-mirror", registry.mirror(),
                "-t", tag));
        args.addAll(List.of(options));
        args.add(context.toString());
        return kiln.ok(args.toArray(String[]::new));
    }

    ImageContents image(String name) {
        return ImageContents.read(kiln.home(), name);
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean portFree(int port) {
        try (var socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** GETs {@code url} until the server answers (up to a minute, while {@code server} runs); returns the body. */
    static String getWhenUp(String url, KilnProcess.Running server) throws InterruptedException {
        var client = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        var deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) return response.body();
                throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            } catch (ConnectException notYet) {
                if (!server.alive()) {
                    throw new AssertionError("the server exited before answering " + url + ":\n" + server.stderr()
                            + server.stdout());
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new AssertionError("GET " + url + ": " + e, e);
            }
        }
        throw new AssertionError("no answer from " + url + " within a minute:\n" + server.stderr());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!owner) return;
        try {
            registry.close();
        } finally {
            Tools.run(List.of("rm", "-rf", "--one-file-system", work.toString()));
        }
    }
}
