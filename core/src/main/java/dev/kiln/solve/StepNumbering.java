package dev.kiln.solve;

import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.Run;
import dev.kiln.dockerfile.instructions.Workdir;
import dev.kiln.plan.BuildPlan;
import dev.kiln.plan.PlannedStage;
import dev.kiln.plan.PlannedStep;
import dev.kiln.plan.StageBase;

/**
 * BuildKit's step names: {@code [builder 2/5] RUN go build}, counting FROM of an image, each step
 * that makes a layer and every ONBUILD trigger (BuildKit counts an ENV trigger too); in a Dockerfile
 * of one stage, without the stage's name: {@code [2/5] RUN go build}.
 */
final class StepNumbering {
    private final String prefix;
    private final int total;
    private int index;

    StepNumbering(PlannedStage stage, BuildPlan plan) {
        this.prefix = plan.singleStage() ? "[" : "[" + stage.displayName() + " ";
        int count = stage.base() instanceof StageBase.FromImage ? 1 : 0;
        for (var step : stage.steps()) {
            if (step.onBuild() || makesLayer(step.raw())) { // BuildKit counts every trigger, even an ENV
                count++;
            }
        }
        this.total = count;
        this.index = stage.base() instanceof StageBase.FromImage ? 1 : 0;
    }

    String fromName(String image) {
        return prefix + "1/" + total + "] FROM " + image;
    }

    /** @param text the step as {@link StepDisplayText} shows it */
    String next(PlannedStep step, String text) {
        index++;
        var number = String.valueOf(index);
        var padding = " ".repeat(Math.max(0, String.valueOf(total).length() - number.length()));
        return prefix + padding + number + "/" + total + "] "
                + (step.onBuild() ? "ONBUILD " : "") + text;
    }

    private static boolean makesLayer(Instruction instruction) {
        return instruction instanceof Run || instruction instanceof Copy || instruction instanceof Add
                || instruction instanceof Workdir;
    }
}
