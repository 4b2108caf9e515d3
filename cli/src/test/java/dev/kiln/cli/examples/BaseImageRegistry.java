package dev.kiln.cli.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The base images the examples build FROM ({@code golang:1.19}, {@code alpine:latest}, ...), made from
 * Debian packages by {@code images/make-base-images} (cached between runs) and served by
 * {@code bench/registry} on 127.0.0.1, which Kiln reaches as a mirror of docker.io. The registry lives
 * as long as this object: closing the pipe to its command stops it, even when the JVM dies.
 */
final class BaseImageRegistry implements AutoCloseable {
    private static final String READY = "kiln-examples-registry ";

    private final Process process;
    private final String address;
    private final StringBuilder log;

    private BaseImageRegistry(Process process, String address, StringBuilder log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /**
     * Starts the registry, makes the base images {@code names} when missing (minutes on a fresh machine;
     * then cached) and pushes them into it.
     */
    static BaseImageRegistry start(String... names) throws IOException {
        var script = "images/make-base-images --push \"$KILN_REGISTRY\" \"$@\" && echo \"" + READY
                + "$KILN_REGISTRY\" && read -r _ || true";
        var command = new ArrayList<>(List.of("bench/registry", "--no-images", "--", "sh", "-c", script, "sh"));
        command.addAll(List.of(names));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var log = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith(READY)) {
                var registry = new BaseImageRegistry(process, line.substring(READY.length()).strip(), log);
                Thread.ofVirtual().start(() -> registry.drain(reader));
                return registry;
            }
            log.append(line).append('\n');
        }
        throw new AssertionError("bench/registry ended before serving the base images:\n" + log);
    }

    /** The {@code --registry-mirror} value that sends docker.io's images to this registry. */
    String mirror() {
        return "docker.io=" + address;
    }

    private void drain(BufferedReader reader) {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (log) {
                    log.append(line).append('\n');
                }
            }
        } catch (IOException ignored) {
            // the registry ended; nothing more to collect
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.flush();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroy();
            throw new AssertionError("bench/registry did not stop:\n" + log);
        }
    }
}
