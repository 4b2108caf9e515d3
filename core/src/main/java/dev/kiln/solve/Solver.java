package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.Platform;
import dev.kiln.plan.BuildPlan;
import dev.kiln.plan.PlannedStage;
import dev.kiln.plan.StageBase;
import dev.kiln.solve.mount.MountSetup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a plan: each needed stage in build order over its base (scratch, an earlier stage's
 * result, or an image), then the target stage's image committed to the store.
 */
public final class Solver {
    private final BuildPlan plan;
    private final BuildOptions options;
    private final BuildServices services;
    private final StepLog log;
    private final Map<Integer, StageResult> results = new HashMap<>();

    private Solver(BuildPlan plan, BuildOptions options, BuildServices services, StepLog log) {
        this.plan = plan;
        this.options = options;
        this.services = services;
        this.log = log;
    }

    /** @throws KilnException naming the stage, the instruction and what failed */
    public static BuildResult build(BuildPlan plan, BuildOptions options, BuildServices services, StepLog log) {
        return new Solver(plan, options, services, log).build();
    }

    private BuildResult build() {
        var copyStep = new CopyStep(options, services, results);
        var mounts = new MountSetup(options.context(), options.mounts(), services.workRoot(),
                MountSetup.cacheRootOf(services.store().root()), new StageRoots(services, results, options.platform()),
                System.getenv());
        var runner = new StageRunner(plan, options, services, log, copyStep, mounts);
        for (var stage : plan.stages()) {
            var base = base(stage);
            try {
                results.put(stage.index(), runner.run(stage, base.image(), base.variables()));
            } catch (InstructionException e) {
                throw new KilnException(plan.fileName() + locationOf(e) + ": " + e.problem(), e);
            }
        }
        var target = results.get(plan.target()).image();
        var labelled = withLabels(target);
        return ImageCommit.commit(services.store(), labelled, services.created(), options.tags());
    }

    private StageResult base(PlannedStage stage) {
        return switch (stage.base()) {
            case StageBase.Scratch() -> new StageResult(
                    new ImageState(ImageConfig.empty(platform(stage)), List.of()), Map.of());
            case StageBase.FromStage(int index) -> results.get(index);
            case StageBase.FromImage(String reference) -> {
                var name = "[" + stage.displayName() + "] FROM " + reference;
                log.started(name);
                var image = new BaseImages(services.store()).resolve(reference, platform(stage));
                log.done(name);
                yield new StageResult(image, environment(image.config()));
            }
        };
    }

    private Platform platform(PlannedStage stage) {
        return stage.platform().map(Platform::parse).orElse(options.platform());
    }

    private ImageState withLabels(ImageState image) {
        if (options.labels().isEmpty()) {
            return image;
        }
        var container = image.config().config();
        var labels = new java.util.TreeMap<>(container.labels());
        labels.putAll(options.labels());
        return image.withConfig(image.config().withConfig(StageConfig.copy(container).labels(labels).build()));
    }

    private static Map<String, String> environment(ImageConfig config) {
        var variables = new LinkedHashMap<String, String>();
        for (var entry : config.config().env()) {
            int eq = entry.indexOf('=');
            variables.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return variables;
    }

    private static String locationOf(InstructionException e) {
        return e.range() == null ? "" : ":" + e.range().startLine();
    }
}
