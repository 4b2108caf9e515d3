package dev.kiln.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real {@code docker-registry} (Debian's distribution 2.x) on 127.0.0.1 and a free port, for tests
 * (public for the cli module's tests, which use core's test jar).
 */
public final class TestRegistry implements AutoCloseable {
    static final String BINARY = "/usr/bin/docker-registry";
    static final String HTPASSWD = "/usr/bin/htpasswd";

    private final Process process;
    private final int port;
    private final Path log;

    private TestRegistry(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of(BINARY));
    }

    /** Starts a registry storing under {@code dir}; {@code authYaml} is an {@code auth:} section or empty. */
    public static TestRegistry start(Path dir, String authYaml) throws IOException, InterruptedException {
        int port = freePort();
        Path storage = Files.createDirectories(dir.resolve("storage"));
        String config = """
                version: 0.1
                log:
                  level: error
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                  secret: kiln-test-secret
                %s
                """.formatted(storage, port, authYaml);
        Path configFile = dir.resolve("config.yml");
        Files.writeString(configFile, config);
        Path log = dir.resolve("registry.log");
        Process process = new ProcessBuilder(BINARY, "serve", configFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TestRegistry registry = new TestRegistry(process, port, log);
        registry.awaitReady();
        return registry;
    }

    public static boolean htpasswdInstalled() {
        return Files.isExecutable(Path.of(HTPASSWD));
    }

    /** Starts a registry under {@code dir} that asks for Basic auth and knows one user (bcrypt htpasswd). */
    public static TestRegistry startWithHtpasswd(Path dir, String user, String password)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(HTPASSWD, "-Bbn", user, password).start();
        String line = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("htpasswd failed for user " + user);
        }
        Path htpasswd = Files.writeString(Files.createDirectories(dir).resolve("htpasswd"), line);
        return start(Files.createDirectories(dir.resolve("registry")), """
                auth:
                  htpasswd:
                    realm: kiln-test
                    path: %s
                """.formatted(htpasswd));
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 || r.statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IOException("docker-registry did not answer /v2/ within 15 s: " + Files.readString(log));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
