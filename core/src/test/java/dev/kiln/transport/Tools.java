package dev.kiln.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real consumers of kiln's output (skopeo, umoci) and returns what they print. */
final class Tools {
    private Tools() {
    }

    record Result(int exitCode, String output) {
    }

    static String run(String... command) {
        Result result = tryRun(command);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
    }

    static Result tryRun(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " timed out");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + " (is it installed? .ci/run installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
