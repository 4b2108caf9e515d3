package dev.kiln.progress;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Instant;
import java.util.Locale;

/**
 * The {@code --progress=json} form of an event: one JSON object per line with a {@code type}
 * ({@code step-started}, {@code step-log}, …), the emission {@code time}, and the event's fields
 * under their record names. Instants are ISO-8601 strings, durations are seconds as numbers.
 * {@link #read} turns a line back into the event, so a log can be replayed into another display.
 */
public final class JsonEvents {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonEvents() {}

    /** The single-line JSON text of {@code event}, emitted at {@code at}. */
    public static String write(BuildEvent event, Instant at) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", type(event));
        node.put("time", at.toString());
        fill(node, event);
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The event a line written by {@link #write} holds. */
    public static BuildEvent read(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw new KilnException("not a progress event: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new KilnException("not a progress event (expected a JSON object): " + line);
        }
        try {
            return JsonFields.event(node);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new KilnException("not a valid progress event (" + e.getMessage() + "): " + line);
        }
    }

    static String type(BuildEvent event) {
        String simple = event.getClass().getSimpleName();
        return simple.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static void fill(ObjectNode node, BuildEvent event) {
        switch (event) {
            case BuildStarted s -> node.put("at", s.at().toString()).put("plannedSteps", s.plannedSteps());
            case StepStarted s -> node.put("id", s.id()).put("name", s.name()).put("at", s.at().toString());
            case StepCached c -> node.put("id", c.id());
            case StepLog l -> node.put("id", l.id())
                    .put("stream", l.stream().name().toLowerCase(Locale.ROOT)).put("line", l.line());
            case StepProgress p -> node.put("id", p.id()).put("what", p.what())
                    .put("current", p.current()).put("total", p.total());
            case StepCompleted c -> node.put("id", c.id()).put("duration", JsonFields.seconds(c.duration()));
            case StepFailed f -> node.put("id", f.id()).put("message", f.message());
            case StepCanceled c -> node.put("id", c.id());
            case Warning w -> node.put("text", w.text());
            case BuildFinished f -> node.set("summary", JsonFields.summary(f.summary()));
        }
    }
}
