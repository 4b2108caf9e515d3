package dev.kiln.plan;

import dev.kiln.dockerfile.instructions.Stage;
import dev.kiln.dockerfile.parser.ParseWarning;

import java.util.List;
import java.util.Map;

/**
 * The checked, pruned plan of a build.
 *
 * @param fileName   the Dockerfile's name, for messages
 * @param stages     the stages the target needs, in build order (each after what it needs)
 * @param pruned     the stages the target does not need, which are never built
 * @param target     the index of the target stage
 * @param globalArgs the global-scope ARG values (build args and platform ARGs applied)
 * @param warnings   every warning, in file order, each printed once
 * @param escape     the Dockerfile's escape character, for expanding words during the build
 */
public record BuildPlan(String fileName, List<PlannedStage> stages, List<Stage> pruned, int target,
                        Map<String, String> globalArgs, List<ParseWarning> warnings, char escape) {
    public BuildPlan {
        stages = List.copyOf(stages);
        pruned = List.copyOf(pruned);
        warnings = List.copyOf(warnings);
    }

    /** Whether the Dockerfile has one stage: BuildKit then leaves the stage name out of step names. */
    public boolean singleStage() {
        return stages.size() + pruned.size() == 1;
    }

    public PlannedStage targetStage() {
        return stages.stream().filter(s -> s.index() == target).findFirst().orElseThrow();
    }
}
