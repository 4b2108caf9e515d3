package dev.kiln.dockerfile.instructions;

import static dev.kiln.dockerfile.instructions.Nodes.node;
import static dev.kiln.dockerfile.instructions.Nodes.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandInstructionsTest {

    @Test
    void cmdAndEntrypointRecordTheirForm() {
        var cmd = single(node("CMD echo $HOME", "CMD", "echo $HOME"), Cmd.class);
        assertThat(cmd.command()).isEqualTo(new CommandLine(List.of("echo $HOME"), true, List.of()));
        var entrypoint = single(Nodes.json("ENTRYPOINT [\"/app\", \"-v\"]", "ENTRYPOINT", "/app", "-v"),
                Entrypoint.class);
        assertThat(entrypoint.command()).isEqualTo(new CommandLine(List.of("/app", "-v"), false, List.of()));
        var reset = single(Nodes.json("ENTRYPOINT []", "ENTRYPOINT"), Entrypoint.class);
        assertThat(reset.command().args()).isEmpty();
    }

    @Test
    void cmdRejectsFlags() {
        var nodes = Nodes.fromScratch().add(node("CMD --x=1 a", "CMD", List.of("--x=1"), "a"));
        assertThatThrownBy(nodes::parse).hasMessageContaining("Dockerfile:2:1: unknown flag: --x");
    }

    @Test
    void healthcheckCmdWithEveryOption() {
        var check = single(node("HEALTHCHECK …", "HEALTHCHECK", List.of("--interval=30s", "--timeout=1m30s",
                "--start-period=1.5s", "--start-interval=500ms", "--retries=3"), "CMD", "curl -f localhost"),
                Healthcheck.class);
        assertThat(check.test()).containsExactly("CMD-SHELL", "curl -f localhost");
        assertThat(check.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(check.startPeriod()).isEqualTo(Duration.ofMillis(1500));
        assertThat(check.startInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(check.retries()).isEqualTo(3);
        assertThat(check.isNone()).isFalse();
    }

    @Test
    void healthcheckExecFormAndNone() {
        var exec = single(Nodes.json("HEALTHCHECK CMD [\"/bin/check\"]", "HEALTHCHECK", "cmd", "/bin/check"),
                Healthcheck.class);
        assertThat(exec.test()).containsExactly("CMD", "/bin/check");
        assertThat(exec.interval()).isZero();
        var none = single(node("HEALTHCHECK NONE", "HEALTHCHECK", "NONE"), Healthcheck.class);
        assertThat(none.isNone()).isTrue();
        assertThat(none.test()).containsExactly("NONE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--interval=10 | time: missing unit in duration \"10\"",
            "--timeout=5x | time: unknown unit \"x\" in duration \"5x\"",
            "--start-period=abc | time: invalid duration \"abc\"",
            "--interval=10ns | Interval \"interval\" cannot be less than 1ms",
            "--retries=-1 | --retries cannot be negative (-1)",
            "--retries=two | invalid --retries \"two\"",
            "--intreval=1s | unknown flag: --intreval (did you mean --interval?)",
    })
    void healthcheckRejectsBadOptions(String flag, String message) {
        var nodes = Nodes.fromScratch().add(node("HEALTHCHECK " + flag + " CMD x", "HEALTHCHECK", List.of(flag),
                "CMD", "x"));
        assertThatThrownBy(nodes::parse).hasMessageContaining("Dockerfile:2:1: ").hasMessageContaining(message);
    }

    @Test
    void healthcheckRejectsBadShapes() {
        var none = Nodes.fromScratch().add(node("HEALTHCHECK NONE x", "HEALTHCHECK", "NONE", "x"));
        assertThatThrownBy(none::parse).hasMessageContaining("HEALTHCHECK NONE takes no arguments");
        var type = Nodes.fromScratch().add(node("HEALTHCHECK RUN x", "HEALTHCHECK", "RUN", "x"));
        assertThatThrownBy(type::parse).hasMessageContaining("Unknown type \"RUN\" in HEALTHCHECK (try CMD)");
        var missing = Nodes.fromScratch().add(node("HEALTHCHECK CMD", "HEALTHCHECK", "CMD"));
        assertThatThrownBy(missing::parse).hasMessageContaining("Missing command after HEALTHCHECK CMD");
        var empty = Nodes.fromScratch().add(node("HEALTHCHECK", "HEALTHCHECK"));
        assertThatThrownBy(empty::parse).hasMessageContaining("HEALTHCHECK requires at least one argument");
    }

    @Test
    void shellMustBeJson() {
        var shell = single(Nodes.json("SHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]", "SHELL",
                "/bin/bash", "-eo", "pipefail", "-c"), Shell.class);
        assertThat(shell.shell()).containsExactly("/bin/bash", "-eo", "pipefail", "-c");
        var notJson = Nodes.fromScratch().add(node("SHELL /bin/sh -c", "SHELL", "/bin/sh -c"));
        assertThatThrownBy(notJson::parse)
                .hasMessageContaining("Dockerfile:2:1: SHELL requires the arguments to be in JSON form");
        var empty = Nodes.fromScratch().add(Nodes.json("SHELL []", "SHELL"));
        assertThatThrownBy(empty::parse).hasMessageContaining("SHELL requires at least one argument");
    }
}
