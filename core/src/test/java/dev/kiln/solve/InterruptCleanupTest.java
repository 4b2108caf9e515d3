package dev.kiln.solve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Kiln interrupted mid-step (Ctrl-C, SIGTERM) releases the container, every mount and every temp dir. */
class InterruptCleanupTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalDuringAStepLeavesNothingBehind(String signal) throws Exception {
        var home = Files.createDirectories(dir.resolve("home"));
        var context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("f"), "f");
        var sleep = Long.toString(300 + System.nanoTime() % 600);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), InterruptedBuildMain.class.getName(), home.toString(),
                context.toString(), sleep).redirectErrorStream(true);
        child.environment().put("KILN_TEST_SECRET", "x");
        var process = child.start();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            var output = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.equals("out started")) break;
            }
            assertThat(output.toString()).as("child output").contains("out started");
            assertThat(MountBuilds.mountsUnder(home)).as("the snapshot, the stage root and the secret's tmpfs")
                    .anyMatch(m -> m.contains("/merged ")).anyMatch(m -> m.contains("/secrets-"));
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child exits").isTrue();
            reader.transferTo(new java.io.StringWriter());
        } finally {
            process.destroyForcibly();
        }
        assertThat(MountBuilds.mountsUnder(home)).isEmpty();
        try (var left = Files.list(home.resolve("tmp"))) {
            assertThat(left.toList()).isEmpty();
        }
        assertThat(processesRunning("sleep " + sleep)).as("the step's process").isFalse();
    }

    private static boolean processesRunning(String commandLine) throws IOException {
        try (var procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).anyMatch(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ').contains(commandLine);
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
