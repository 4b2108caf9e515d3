package dev.kiln.plan;

import dev.kiln.dockerfile.instructions.Stage;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stage the target needs, ready to build.
 *
 * @param stage     the stage as parsed
 * @param base      what it starts from
 * @param platform  the expanded {@code FROM --platform}, if given
 * @param dependsOn the stages that must be built first (base stage, COPY --from, --mount=from)
 * @param steps     its instructions, ONBUILD triggers of a base stage first
 */
public record PlannedStage(Stage stage, StageBase base, Optional<String> platform, Set<Integer> dependsOn,
                           List<PlannedStep> steps) {
    public PlannedStage {
        dependsOn = Set.copyOf(dependsOn);
        steps = List.copyOf(steps);
    }

    public int index() {
        return stage.index();
    }

    /** The stage's name, or {@code stage-N} as BuildKit calls an unnamed stage. */
    public String displayName() {
        return stage.name().orElse("stage-" + stage.index());
    }
}
