package dev.kiln.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.KilnException;
import dev.kiln.progress.BuildEvent.StepCached;
import dev.kiln.progress.BuildEvent.StepStarted;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressSinksTest {

    @ParameterizedTest
    @CsvSource({"auto, AUTO", "tty, TTY", "plain, PLAIN", "json, JSON", "rawjson, JSON", "quiet, QUIET", "' Plain ', PLAIN"})
    void modesAreSpelledAsDockerSpellsThem(String name, ProgressMode mode) {
        assertThat(ProgressMode.parse(name)).isEqualTo(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fancy", "", "silent"})
    void anUnknownModeNamesTheChoices(String name) {
        assertThatThrownBy(() -> ProgressSinks.create(name, System.err))
                .isInstanceOf(KilnException.class)
                .hasMessage("unknown progress mode '" + name + "': use --progress with auto, tty, plain, json or quiet");
    }

    @Test
    void autoIsTheLiveDisplayOnlyOnARealTerminal() {
        assertThat(ProgressMode.AUTO.resolve(() -> true, "xterm-256color")).isEqualTo(ProgressMode.TTY);
        assertThat(ProgressMode.AUTO.resolve(() -> true, "dumb")).isEqualTo(ProgressMode.PLAIN);
        assertThat(ProgressMode.AUTO.resolve(() -> false, "xterm")).isEqualTo(ProgressMode.PLAIN);
        assertThat(ProgressMode.JSON.resolve(() -> true, "xterm")).isEqualTo(ProgressMode.JSON);
    }

    @Test
    void autoOnAStreamThatIsNoTerminalPrintsPlainText() {
        assertThat(render(ProgressMode.AUTO)).isEqualTo("#1 [1/1] FROM scratch\n#1 CACHED\n");
    }

    @Test
    void eachModeWritesItsOwnFormat() {
        assertThat(render(ProgressMode.JSON)).startsWith("{\"type\":\"step-started\"");
        assertThat(render(ProgressMode.TTY)).contains("[+] Building").contains("CACHED [1/1] FROM scratch")
                .contains("FINISHED");
    }

    private static String render(ProgressMode mode) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressSink sink = ProgressSinks.create(mode, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Map.of("TERM", "xterm", "NO_COLOR", "1"))) {
            sink.emit(new StepStarted(1, "[1/1] FROM scratch", Instant.now()));
            sink.emit(new StepCached(1));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
