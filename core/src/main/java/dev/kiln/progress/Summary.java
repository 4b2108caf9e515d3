package dev.kiln.progress;

import dev.kiln.image.Digest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a successful build: every stage's steps, the total time and, when the build
 * produced an image, its digest, sizes and names.
 */
public record Summary(List<StageSummary> stages, Duration totalTime, Optional<ImageSummary> image) {

    public Summary {
        stages = List.copyOf(stages);
        Objects.requireNonNull(totalTime, "totalTime");
        Objects.requireNonNull(image, "image");
    }

    /** One stage as a user named it ({@code builder}) or as BuildKit numbers it ({@code stage-1}). */
    public record StageSummary(String name, List<StepSummary> steps) {
        public StageSummary {
            Objects.requireNonNull(name, "name");
            steps = List.copyOf(steps);
        }
    }

    public record StepSummary(String name, Duration duration, boolean cached) {
        public StepSummary {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * The image the build wrote. {@code size} is what it occupies as stored (config plus compressed
     * layers); {@code tags} are the names it was given, fully qualified.
     */
    public record ImageSummary(Digest digest, long size, List<LayerSummary> layers, List<String> tags) {
        public ImageSummary {
            Objects.requireNonNull(digest, "digest");
            layers = List.copyOf(layers);
            tags = List.copyOf(tags);
        }
    }

    /** One layer of the image, with its compressed size. */
    public record LayerSummary(Digest digest, long size) {
        public LayerSummary {
            Objects.requireNonNull(digest, "digest");
        }
    }
}
