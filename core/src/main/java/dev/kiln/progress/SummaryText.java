package dev.kiln.progress;

import dev.kiln.progress.Summary.ImageSummary;
import dev.kiln.progress.Summary.LayerSummary;
import dev.kiln.progress.Summary.StageSummary;
import dev.kiln.progress.Summary.StepSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-of-build summary as text, for the plain and tty displays:
 * <pre>
 * Summary: built in 14.2s
 *  stage builder
 *      0.0s  CACHED  [builder 1/2] FROM docker.io/library/golang:1.22
 *     12.3s  DONE    [builder 2/2] RUN go build
 *  image sha256:…  12.3MB
 *     5.6MB  layer sha256:…
 *  tagged docker.io/library/app:latest
 * </pre>
 * Times and sizes are right-aligned in their columns.
 */
final class SummaryText {
    private SummaryText() {}

    static List<String> lines(Summary summary) {
        List<String> lines = new ArrayList<>();
        lines.add("Summary: built in " + Units.seconds(summary.totalTime(), 1) + "s");
        int timeWidth = summary.stages().stream().flatMap(s -> s.steps().stream())
                .mapToInt(step -> time(step).length()).max().orElse(0);
        for (StageSummary stage : summary.stages()) {
            lines.add(" stage " + stage.name());
            for (StepSummary step : stage.steps()) {
                String marker = step.cached() ? "CACHED" : "DONE  ";
                lines.add("   " + padLeft(time(step), timeWidth) + "  " + marker + "  " + step.name());
            }
        }
        summary.image().ifPresent(image -> addImage(lines, image));
        return lines;
    }

    private static void addImage(List<String> lines, ImageSummary image) {
        lines.add(" image " + image.digest() + "  " + Units.humanSize(image.size()));
        int sizeWidth = image.layers().stream()
                .mapToInt(layer -> Units.humanSize(layer.size()).length()).max().orElse(0);
        for (LayerSummary layer : image.layers()) {
            lines.add("   " + padLeft(Units.humanSize(layer.size()), sizeWidth) + "  layer " + layer.digest());
        }
        for (String tag : image.tags()) {
            lines.add(" tagged " + tag);
        }
    }

    private static String time(StepSummary step) {
        return Units.seconds(step.duration(), 1) + "s";
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
