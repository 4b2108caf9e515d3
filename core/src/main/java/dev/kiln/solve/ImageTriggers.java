package dev.kiln.solve;

import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.dockerfile.instructions.Instructions;
import dev.kiln.plan.BuildPlan;
import dev.kiln.plan.PlannedStage;
import dev.kiln.plan.PlannedStep;
import dev.kiln.plan.StageBase;
import dev.kiln.plan.StepSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The ONBUILD triggers of a stage's base image: BuildKit runs them first, at the stage's FROM
 * line, when an image from the store or a registry is used in FROM. (Triggers of a base
 * <em>stage</em> are already steps of the plan.)
 */
final class ImageTriggers {
    private ImageTriggers() {}

    /** The stage with its base image's triggers as its first steps; the stage itself when there are none. */
    static PlannedStage prepend(PlannedStage stage, List<String> triggers, BuildPlan plan) {
        if (!(stage.base() instanceof StageBase.FromImage) || triggers.isEmpty()) {
            return stage;
        }
        var at = stage.stage().from().range();
        var steps = new ArrayList<PlannedStep>();
        for (var trigger : triggers) {
            var instruction = Instructions.parseTrigger(trigger, at);
            steps.add(new PlannedStep(instruction, instruction, true, sources(instruction, trigger, plan, stage)));
        }
        steps.addAll(stage.steps());
        return new PlannedStage(stage.stage(), stage.base(), stage.platform(), stage.dependsOn(), steps);
    }

    /**
     * A trigger's {@code COPY --from} reads an image. A trigger naming a stage of this Dockerfile
     * would add a dependency the plan does not have, so it is refused with a clear message.
     */
    private static List<StepSource> sources(Instruction instruction, String trigger,
                                            BuildPlan plan, PlannedStage stage) {
        return switch (instruction) {
            case Copy copy when copy.from().isPresent() -> {
                var from = copy.from().get();
                boolean namesStage = from.matches("[0-9]+") || plan.stages().stream()
                        .anyMatch(s -> s.stage().name().filter(from::equalsIgnoreCase).isPresent())
                        || plan.pruned().stream().anyMatch(s -> s.name().filter(from::equalsIgnoreCase).isPresent());
                if (namesStage) {
                    throw new InstructionException(stage.stage().from().range(), "the base image's ONBUILD trigger \""
                            + trigger + "\" copies from stage \"" + from + "\" of this Dockerfile, which kiln does not "
                            + "support; copy from an image instead");
                }
                yield List.of(new StepSource.Image(from));
            }
            default -> List.of();
        };
    }
}
