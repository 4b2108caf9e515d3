package dev.kiln.solve;

import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.Run;
import dev.kiln.dockerfile.instructions.Workdir;
import dev.kiln.plan.PlannedStage;
import dev.kiln.plan.PlannedStep;
import dev.kiln.plan.StageBase;
import dev.kiln.plan.StepText;

/** BuildKit's step names: {@code [builder 2/5] RUN go build}, counting FROM of an image and each step that makes a layer. */
final class StepNumbering {
    private final String stageName;
    private final int total;
    private int index;

    StepNumbering(PlannedStage stage) {
        this.stageName = stage.displayName();
        int count = stage.base() instanceof StageBase.FromImage ? 1 : 0;
        for (var step : stage.steps()) {
            if (makesLayer(step.raw())) {
                count++;
            }
        }
        this.total = count;
        this.index = stage.base() instanceof StageBase.FromImage ? 1 : 0;
    }

    String fromName(String image) {
        return "[" + stageName + " 1/" + total + "] FROM " + image;
    }

    String next(PlannedStep step, Instruction expanded) {
        index++;
        var number = String.valueOf(index);
        var padding = " ".repeat(Math.max(0, String.valueOf(total).length() - number.length()));
        return "[" + stageName + " " + padding + number + "/" + total + "] "
                + (step.onBuild() ? "ONBUILD " : "") + StepText.of(expanded);
    }

    private static boolean makesLayer(Instruction instruction) {
        return instruction instanceof Run || instruction instanceof Copy || instruction instanceof Add
                || instruction instanceof Workdir;
    }
}
