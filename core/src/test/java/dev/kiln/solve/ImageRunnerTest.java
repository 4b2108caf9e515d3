package dev.kiln.solve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kiln run's engine in a child JVM, so the container really writes to the JVM's own stdout and reads its stdin. */
class ImageRunnerTest {
    @TempDir
    Path home;

    record Ran(int exit, String out) {}

    private Ran run(String stdin, String... args) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), ImageRunMain.class.getName(), home.toString()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), out);
    }

    @Test
    void printsWhatTheImagesCmdPrints() throws Exception {
        assertThat(run("", "hello")).isEqualTo(new Ran(0, "hello world from cmd\n"));
    }

    @Test
    void aGivenCommandReplacesCmdAndItsExitCodeIsReturned() throws Exception {
        var ran = run("", "-e", "WHO=you", "hello", "sh", "-c", "echo $WHO; exit 3");
        assertThat(ran).isEqualTo(new Ran(3, "you\n"));
    }

    @Test
    void stdinIsPassedThrough() throws Exception {
        assertThat(run("echo from-stdin\nexit 5\n", "busybox")).isEqualTo(new Ran(5, "from-stdin\n"));
    }

    @Test
    void userAndWorkdirApply() throws Exception {
        assertThat(run("", "-u", "app", "-w", "/tmp", "busybox", "sh", "-c", "id -u; pwd; echo $HOSTNAME | wc -c"))
                .isEqualTo(new Ran(0, "1000\n/tmp\n13\n"));
        try (var left = Files.list(home.resolve("tmp"))) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void argvFollowsDockersEntrypointAndCmdRules() {
        assertThat(ImageRunner.argv(List.of("/entry"), List.of("a"), List.of(), "i")).containsExactly("/entry", "a");
        assertThat(ImageRunner.argv(List.of("/entry"), List.of("a"), List.of("b"), "i")).containsExactly("/entry", "b");
        assertThat(ImageRunner.argv(null, List.of("a"), List.of("b", "c"), "i")).containsExactly("b", "c");
        assertThat(ImageRunner.environment(List.of("PATH=/bin", "A=1"), List.of("A=2", "HOME_X", "B"),
                Map.of("HOME_X", "x"), "h")).containsExactly("PATH=/bin", "HOSTNAME=h", "A=2", "HOME_X=x");
    }
}
