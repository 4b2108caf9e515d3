package dev.kiln.progress;

import dev.kiln.image.Digest;
import dev.kiln.progress.Summary.ImageSummary;
import dev.kiln.progress.Summary.LayerSummary;
import dev.kiln.progress.Summary.StageSummary;
import dev.kiln.progress.Summary.StepSummary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Values shared by the progress tests. */
final class Samples {
    static final Digest IMAGE = Digest.of("image".getBytes(StandardCharsets.UTF_8));
    static final Digest BASE_LAYER = Digest.of("base".getBytes(StandardCharsets.UTF_8));
    static final Digest APP_LAYER = Digest.of("app".getBytes(StandardCharsets.UTF_8));

    private Samples() {}

    static Summary summary() {
        return new Summary(
                List.of(new StageSummary("builder", List.of(
                                new StepSummary("[builder 1/2] FROM docker.io/library/golang:1.22", Duration.ZERO, true),
                                new StepSummary("[builder 2/2] RUN go build", Duration.ofMillis(11_600), false))),
                        new StageSummary("stage-1", List.of(
                                new StepSummary("[stage-1 1/1] COPY --from=builder /out/app /app",
                                        Duration.ofMillis(250), false)))),
                Duration.ofMillis(12_650),
                Optional.of(new ImageSummary(IMAGE, 5_612_345,
                        List.of(new LayerSummary(BASE_LAYER, 5_603_000), new LayerSummary(APP_LAYER, 2_048)),
                        List.of("docker.io/library/app:latest", "registry.local:5000/app:1.0"))));
    }
}
