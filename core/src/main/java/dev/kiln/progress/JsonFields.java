package dev.kiln.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.KilnException;
import dev.kiln.image.Digest;
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
import dev.kiln.progress.Summary.ImageSummary;
import dev.kiln.progress.Summary.LayerSummary;
import dev.kiln.progress.Summary.StageSummary;
import dev.kiln.progress.Summary.StepSummary;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The JSON field mapping behind {@link JsonEvents}, both ways. */
final class JsonFields {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonFields() {}

    /** Seconds as an exact decimal: {@code 1.5}, {@code 0.000001}, {@code 12}. */
    static BigDecimal seconds(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds())
                .add(BigDecimal.valueOf(duration.getNano(), 9)).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    static ObjectNode summary(Summary summary) {
        ObjectNode node = NODES.objectNode();
        node.put("totalTime", seconds(summary.totalTime()));
        ArrayNode stages = node.putArray("stages");
        for (StageSummary stage : summary.stages()) {
            ObjectNode stageNode = stages.addObject().put("name", stage.name());
            ArrayNode steps = stageNode.putArray("steps");
            for (StepSummary step : stage.steps()) {
                steps.addObject().put("name", step.name())
                        .put("duration", seconds(step.duration())).put("cached", step.cached());
            }
        }
        summary.image().ifPresent(image -> node.set("image", image(image)));
        return node;
    }

    private static ObjectNode image(ImageSummary image) {
        ObjectNode node = NODES.objectNode();
        node.put("digest", image.digest().toString()).put("size", image.size());
        ArrayNode layers = node.putArray("layers");
        image.layers().forEach(l -> layers.addObject().put("digest", l.digest().toString()).put("size", l.size()));
        ArrayNode tags = node.putArray("tags");
        image.tags().forEach(tags::add);
        return node;
    }

    static BuildEvent event(JsonNode node) {
        String type = text(node, "type");
        return switch (type) {
            case "build-started" -> new BuildStarted(instant(node, "at"), (int) number(node, "plannedSteps"));
            case "step-started" -> new StepStarted(id(node), text(node, "name"), instant(node, "at"));
            case "step-cached" -> new StepCached(id(node));
            case "step-log" -> new StepLog(id(node), stream(node), text(node, "line"));
            case "step-progress" -> new StepProgress(id(node), text(node, "what"),
                    number(node, "current"), number(node, "total"));
            case "step-completed" -> new StepCompleted(id(node), duration(node, "duration"));
            case "step-failed" -> new StepFailed(id(node), text(node, "message"));
            case "step-canceled" -> new StepCanceled(id(node));
            case "warning" -> new Warning(text(node, "text"));
            case "build-finished" -> new BuildFinished(summary(field(node, "summary")));
            default -> throw new KilnException("unknown progress event type '" + type + "'");
        };
    }

    private static Summary summary(JsonNode node) {
        List<StageSummary> stages = list(field(node, "stages"), stage -> new StageSummary(text(stage, "name"),
                list(field(stage, "steps"), step -> new StepSummary(text(step, "name"),
                        duration(step, "duration"), field(step, "cached").asBoolean()))));
        JsonNode image = node.get("image");
        Optional<ImageSummary> imageSummary = image == null || image.isNull() ? Optional.empty()
                : Optional.of(new ImageSummary(digest(image), number(image, "size"),
                        list(field(image, "layers"), l -> new LayerSummary(digest(l), number(l, "size"))),
                        list(field(image, "tags"), JsonNode::asText)));
        return new Summary(stages, duration(node, "totalTime"), imageSummary);
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> out = new ArrayList<>();
        array.forEach(item -> out.add(element.apply(item)));
        return out;
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new KilnException("progress event lacks the field '" + name + "': " + node);
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        return field(node, name).asText();
    }

    private static long number(JsonNode node, String name) {
        return field(node, name).asLong();
    }

    private static int id(JsonNode node) {
        return (int) number(node, "id");
    }

    private static BuildEvent.Stream stream(JsonNode node) {
        String name = text(node, "stream");
        try {
            return BuildEvent.Stream.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KilnException("progress event has an unknown stream '" + name + "'");
        }
    }

    private static Duration duration(JsonNode node, String name) {
        BigDecimal seconds = field(node, name).decimalValue();
        return Duration.ofSeconds(seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    private static Instant instant(JsonNode node, String name) {
        try {
            return Instant.parse(text(node, name));
        } catch (DateTimeParseException e) {
            throw new KilnException("progress event has a bad time in '" + name + "': " + e.getMessage());
        }
    }

    private static Digest digest(JsonNode node) {
        return Digest.parse(text(node, "digest"));
    }
}
