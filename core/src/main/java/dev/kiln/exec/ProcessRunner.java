package dev.kiln.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.kiln.internal.cleanup.ShutdownCleanup;

/** Starts a host process, streams its output lines to a listener as they come, and waits for it. */
final class ProcessRunner {
    private ProcessRunner() {}

    /** @param environment the complete environment, or null to inherit Kiln's */
    static int run(List<String> command, Map<String, String> environment, OutputListener output, Runnable onInterrupt) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        if (environment != null) {
            pb.environment().clear();
            pb.environment().putAll(environment);
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ExecException("cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        Thread out = pump(process.getInputStream(), OutputListener.Stream.STDOUT, output);
        Thread err = pump(process.getErrorStream(), OutputListener.Stream.STDERR, output);
        return supervise(process, onInterrupt, () -> {
            out.join();
            err.join();
        });
    }

    /** Runs {@code command} with Kiln's own stdin, stdout and stderr; for {@code kiln run}. */
    static int runAttached(List<String> command, Runnable onInterrupt) {
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new ExecException("cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        return supervise(process, onInterrupt, () -> {});
    }

    private interface Drain {
        void await() throws InterruptedException;
    }

    /** Waits for the process; on interrupt or JVM shutdown it is killed, so no step outlives Kiln. */
    private static int supervise(Process process, Runnable onInterrupt, Drain drain) {
        Runnable kill = () -> {
            onInterrupt.run();
            process.destroyForcibly();
        };
        try (var guard = ShutdownCleanup.register("process " + process.pid(), () -> {
            if (process.isAlive()) kill.run();
        })) {
            int status = process.waitFor();
            drain.await();
            return status;
        } catch (InterruptedException e) {
            kill.run();
            Thread.currentThread().interrupt();
            throw new ExecException("the step was interrupted and its process killed", e);
        }
    }

    /** Runs a short helper command and returns its combined output; for runtime housekeeping. */
    static String capture(List<String> command) {
        StringBuilder text = new StringBuilder();
        int status = run(command, null, (s, line) -> {
            synchronized (text) {
                text.append(line).append('\n');
            }
        }, () -> {});
        return status == 0 ? text.toString() : "exit " + status + ": " + text;
    }

    private static Thread pump(InputStream stream, OutputListener.Stream kind, OutputListener output) {
        return Thread.ofVirtual().name("exec-" + kind.name().toLowerCase()).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) output.line(kind, line);
            } catch (IOException e) {
                output.line(OutputListener.Stream.STDERR, "kiln: lost the step's " + kind + ": " + e.getMessage());
            }
        });
    }
}
