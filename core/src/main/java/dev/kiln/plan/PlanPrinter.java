package dev.kiln.plan;

import dev.kiln.dockerfile.instructions.Stage;
import dev.kiln.dockerfile.parser.ParseWarning;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders a {@link BuildPlan} as the text {@code kiln build --dry-run} prints. */
public final class PlanPrinter {
    private PlanPrinter() {}

    public static void print(BuildPlan plan, PrintWriter out) {
        var byIndex = plan.stages().stream().collect(Collectors.toMap(PlannedStage::index, Function.identity()));
        var target = plan.targetStage();
        out.printf("Plan for %s: target stage %s, %d of %d stage(s) to build%n", plan.fileName(),
                label(target.stage()), plan.stages().size(), plan.stages().size() + plan.pruned().size());
        out.println();
        out.println("Build order:");
        for (var stage : plan.stages()) {
            printStage(stage, byIndex, out);
        }
        if (!plan.pruned().isEmpty()) {
            out.println();
            out.println("Pruned (not needed for target " + label(target.stage()) + "; never built):");
            plan.pruned().forEach(stage -> out.println("  " + label(stage) + "  FROM " + stage.baseImage()));
        }
        out.flush();
    }

    /** Warnings as {@code file:line: message}, one line per occurrence (as BuildKit counts them), after the plan. */
    public static void printWarnings(String fileName, List<ParseWarning> warnings, PrintWriter err) {
        warnings.forEach(w -> err.println("WARNING: "
                + (w.range() == null ? "" : fileName + ":" + w.range().startLine() + ": ") + w.message()));
        err.flush();
    }

    private static void printStage(PlannedStage stage, Map<Integer, PlannedStage> byIndex, PrintWriter out) {
        var from = "FROM " + baseText(stage, byIndex)
                + stage.platform().map(p -> " (platform " + p + ")").orElse("");
        var needs = stage.dependsOn().stream().map(i -> byIndex.get(i).displayName()).toList();
        out.printf("  %s  %s%s%n", label(stage.stage()), from,
                needs.isEmpty() ? "" : "  [needs: " + String.join(", ", needs) + "]");
        for (var step : stage.steps()) {
            out.printf("      %s%s%n", step.onBuild() ? "ONBUILD " : "", StepText.of(step.instruction()));
        }
    }

    private static String baseText(PlannedStage stage, Map<Integer, PlannedStage> byIndex) {
        return switch (stage.base()) {
            case StageBase.Scratch() -> "scratch";
            case StageBase.FromStage(int index) -> byIndex.get(index).displayName() + " (stage)";
            case StageBase.FromImage(String reference) -> reference + " (image)";
        };
    }

    private static String label(Stage stage) {
        return "[" + stage.index() + "] " + stage.name().orElse("stage-" + stage.index());
    }
}
