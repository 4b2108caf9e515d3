package dev.kiln.progress;

import static dev.kiln.progress.BuildEvent.Stream.STDERR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.KilnException;
import dev.kiln.progress.BuildEvent.BuildFinished;
import dev.kiln.progress.BuildEvent.BuildStarted;
import dev.kiln.progress.BuildEvent.StepCached;
import dev.kiln.progress.BuildEvent.StepCompleted;
import dev.kiln.progress.BuildEvent.StepCanceled;
import dev.kiln.progress.BuildEvent.StepFailed;
import dev.kiln.progress.BuildEvent.StepLog;
import dev.kiln.progress.BuildEvent.StepProgress;
import dev.kiln.progress.BuildEvent.StepStarted;
import dev.kiln.progress.BuildEvent.Warning;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonEventsTest {
    private final FakeClock clock = new FakeClock();

    private List<BuildEvent> everyKind() {
        return List.of(
                new BuildStarted(clock.at(0), 3),
                new StepStarted(1, "[builder 2/5] RUN go build \"quoted\" \\ ünïcode", clock.at(1).plusNanos(7)),
                new StepLog(1, STDERR, "line with \t tab and \u001B[31m escape"),
                new StepProgress(1, "sha256:aaa", 1_050_000, 3_400_000),
                new StepCompleted(1, Duration.ofSeconds(12, 345_678_901)),
                new StepCached(2),
                new StepFailed(3, "exit code: 1\nsecond line"),
                new StepCanceled(4),
                new Warning("FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)"),
                new BuildFinished(Samples.summary()),
                new BuildFinished(new Summary(List.of(), Duration.ofSeconds(10), Optional.empty())));
    }

    @Test
    void everyEventIsOneLineThatParsesBackToTheSameEvent() {
        StringWriter out = new StringWriter();
        try (ProgressSink sink = ProgressSinks.json(out, clock)) {
            everyKind().forEach(sink::emit);
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(out.toString()).endsWith("\n");
        assertThat(lines).hasSize(everyKind().size());
        assertThat(lines.stream().map(JsonEvents::read).toList()).isEqualTo(everyKind());
    }

    @Test
    void linesCarryATypeTheEmissionTimeAndReadableFields() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode log = mapper.readTree(JsonEvents.write(new StepLog(4, STDERR, "oops"), clock.at(1500)));
        assertThat(log.get("type").asText()).isEqualTo("step-log");
        assertThat(log.get("time").asText()).isEqualTo("2024-05-01T12:00:01.500Z");
        assertThat(log.get("stream").asText()).isEqualTo("stderr");
        assertThat(log.get("line").asText()).isEqualTo("oops");

        JsonNode done = mapper.readTree(JsonEvents.write(new StepCompleted(4, Duration.ofMillis(1500)), clock.at(0)));
        assertThat(done.get("type").asText()).isEqualTo("step-completed");
        assertThat(done.get("duration").isNumber()).isTrue();
        assertThat(done.get("duration").asDouble()).isEqualTo(1.5);

        JsonNode finished = mapper.readTree(JsonEvents.write(new BuildFinished(Samples.summary()), clock.at(0)));
        JsonNode image = finished.get("summary").get("image");
        assertThat(image.get("digest").asText()).isEqualTo(Samples.IMAGE.toString());
        assertThat(image.get("layers").get(0).get("size").asLong()).isEqualTo(5_603_000);
        assertThat(finished.get("summary").get("stages").get(0).get("steps").get(0).get("cached").asBoolean()).isTrue();
    }

    @Test
    void malformedLinesAreClearErrors() {
        assertThatThrownBy(() -> JsonEvents.read("{\"type\":\"step-exploded\"}"))
                .isInstanceOf(KilnException.class).hasMessageContaining("unknown progress event type 'step-exploded'");
        assertThatThrownBy(() -> JsonEvents.read("{\"type\":\"step-log\",\"id\":1}"))
                .isInstanceOf(KilnException.class).hasMessageContaining("lacks the field 'stream'");
        assertThatThrownBy(() -> JsonEvents.read("not json")).isInstanceOf(KilnException.class);
        assertThatThrownBy(() -> JsonEvents.read("[1]")).isInstanceOf(KilnException.class);
    }
}
