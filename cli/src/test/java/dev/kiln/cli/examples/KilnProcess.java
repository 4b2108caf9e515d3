package dev.kiln.cli.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kiln CLI run as its own process with {@code KILN_HOME} set, as a user's shell runs it (kiln run
 * attaches the container to the process's own stdout, so it cannot run inside the test JVM).
 */
final class KilnProcess {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final Path home;
    private final Path logs;
    private int serial;

    KilnProcess(Path home, Path logs) {
        this.home = home;
        this.logs = logs;
    }

    Path home() {
        return home;
    }

    /** Runs {@code kiln ARGS} to its end; fails the test with kiln's stderr unless it exits 0; returns stdout. */
    String ok(String... args) {
        var running = start(args);
        try {
            if (!running.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                running.close();
                throw new AssertionError("kiln " + String.join(" ", args) + " took over " + TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.close();
            throw new AssertionError(e);
        }
        if (running.process.exitValue() != 0) {
            throw new AssertionError("kiln " + String.join(" ", args) + " exited " + running.process.exitValue()
                    + ":\n" + running.stderr() + running.stdout());
        }
        return running.stdout();
    }

    /** Starts {@code kiln ARGS} in the background; closing the handle stops it as Ctrl-C would (SIGTERM). */
    Running start(String... args) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.kiln.cli.Main"));
        command.addAll(List.of(args));
        int n;
        synchronized (this) {
            n = ++serial;
        }
        var out = logs.resolve("kiln-" + n + ".out");
        var err = logs.resolve("kiln-" + n + ".err");
        var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("KILN_HOME", home.toString());
        try {
            Files.createDirectories(logs);
            var process = builder.start();
            process.getOutputStream().close();
            return new Running(process, out, err);
        } catch (IOException e) {
            throw new AssertionError("cannot start kiln: " + e.getMessage(), e);
        }
    }

    /** A kiln process; its output goes to files that can be read while it runs. */
    record Running(Process process, Path out, Path err) implements AutoCloseable {
        String stdout() {
            return read(out);
        }

        String stderr() {
            return read(err);
        }

        boolean alive() {
            return process.isAlive();
        }

        /** SIGTERM, as a user's Ctrl-C or kill; Kiln then stops the container and removes its root. */
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kiln did not stop within 60 s of SIGTERM:\n" + stderr());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(cannot read " + file + ": " + e.getMessage() + ")";
            }
        }
    }
}
