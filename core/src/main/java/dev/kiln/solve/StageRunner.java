package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.Run;
import dev.kiln.dockerfile.instructions.Workdir;
import dev.kiln.image.layer.LayerWriter;
import dev.kiln.internal.paths.RootedPaths;
import dev.kiln.plan.BuildPlan;
import dev.kiln.plan.PlannedStage;
import dev.kiln.plan.PlannedStep;
import dev.kiln.plan.StepSource;
import dev.kiln.plan.StepText;
import dev.kiln.plan.VariableScope;
import dev.kiln.solve.mount.MountSetup;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Runs one stage's instructions in order over its base. Each step gets a cache key chained from
 * the previous one; a step that makes a layer is looked up in the build cache first.
 */
final class StageRunner {
    private final BuildPlan plan;
    private final BuildOptions options;
    private final BuildServices services;
    private final StepLog log;
    private final CopyStep copyStep;
    private final Semaphore jobs;
    private final MountSetup mounts;
    private final StageResults stageResults;
    /** Each step of this build by its key: identical steps of different stages run once (BuildKit merges them). */
    private final Map<CacheKey, CompletableFuture<LayerRef>> madeThisBuild = new ConcurrentHashMap<>();

    StageRunner(BuildPlan plan, BuildOptions options, BuildServices services, StepLog log, CopyStep copyStep,
                Semaphore jobs, MountSetup mounts, StageResults stageResults) {
        this.jobs = jobs;
        this.stageResults = stageResults;
        this.plan = plan;
        this.options = options;
        this.services = services;
        this.log = log;
        this.copyStep = copyStep;
        this.mounts = mounts;
    }

    StageResult run(PlannedStage planned, StageResult base) {
        var stage = ImageTriggers.prepend(planned, base.image().config().config().onBuild(), plan);
        var scope = new VariableScope(base.variables(), plan.globalArgs(), options.buildArgs(), plan.escape());
        var run = new StageRun(stage, new StageConfig(base.image().config(), services.created()),
                new StepNumbering(stage, plan), base.image(), base.key());
        for (var step : stage.steps()) {
            var instruction = scope.dispatch(step.raw());
            apply(run, step, instruction, scope);
        }
        return new StageResult(run.state.withConfig(run.config.config()), scope.variables(), run.key);
    }

    /** The mutable progress of one stage's run. */
    private static final class StageRun {
        final PlannedStage stage;
        final StageConfig config;
        final StepNumbering numbering;
        ImageState state;
        CacheKey key;

        StageRun(PlannedStage stage, StageConfig config, StepNumbering numbering, ImageState state, CacheKey key) {
            this.stage = stage;
            this.config = config;
            this.numbering = numbering;
            this.state = state;
            this.key = key;
        }

    }

    private void apply(StageRun run, PlannedStep step, Instruction instruction, VariableScope scope) {
        awaitSourceStages(step);
        var location = location(instruction);
        Supplier<String> stepName = () -> run.numbering.next(step,
                StepDisplayText.of(instruction, scope.variables(), plan.escape()));
        switch (instruction) {
            case Run r -> {
                var invocation = RunInvocation.of(r, run.config, scope.variables(), options.network());
                var name = stepName.get();
                var boundContent = copyStep.bindMountKeys(r, step.sources());
                layerStep(run, name, invocation.key(run.key, boundContent), invocation.createdBy(),
                        () -> new RunStep(services, log, mounts, step.sources()).run(invocation, run.state, location, name,
                                writer(run)));
            }
            case Copy copy -> {
                try (var prepared = copyStep.prepareCopy(copy, step, run.state, run.config, run.key)) {
                    layerStep(run, stepName.get(), prepared.key(), prepared.createdBy(),
                            () -> prepared.run(writer(run)));
                }
            }
            case Add add -> {
                try (var prepared = copyStep.prepareAdd(add, run.state, run.config, run.key)) {
                    layerStep(run, stepName.get(), prepared.key(), prepared.createdBy(),
                            () -> prepared.run(writer(run)));
                }
            }
            case Workdir workdir -> workdir(run, workdir, stepName);
            default -> {
                run.config.apply(instruction);
                run.state = run.state.withConfig(run.config.config());
                run.key = run.key.child("config").add(StepText.of(instruction)).build();
            }
        }
    }

    private void workdir(StageRun run, Workdir workdir, Supplier<String> stepName) {
        var path = RootedPaths.absolute(run.config.config().config().workingDir(), workdir.path());
        run.config.apply(new Workdir(path, workdir.range(), workdir.original()));
        if (path.equals("/")) {
            run.config.addEmptyHistory("WORKDIR " + path);
            run.state = run.state.withConfig(run.config.config());
            run.key = run.key.child("workdir").add(path).build();
            return;
        }
        var user = run.config.config().config().user();
        var stateBefore = run.state;
        var config = run.config;
        layerStep(run, stepName.get(), run.key.child("workdir").add(path).add(user).build(),
                "WORKDIR " + path, () -> new WorkdirStep(services).create(path, stateBefore, config, writer(run)));
    }

    private void layerStep(StageRun run, String name, CacheKey key, String createdBy, Supplier<LayerRef> work) {
        var cached = options.useCacheFor(run.stage.stage().name()) ? services.cache().lookup(key)
                : java.util.Optional.<LayerRef>empty();
        var stageName = run.stage.displayName();
        LayerRef layer;
        if (cached.isPresent()) {
            layer = cached.get();
            log.cached(stageName, name);
        } else {
            var made = new CompletableFuture<LayerRef>();
            var same = madeThisBuild.putIfAbsent(key, made);
            if (same != null) {
                layer = Awaited.result(same);
                log.cached(stageName, name);
            } else {
                layer = make(key, stageName, name, work, made);
                services.cache().record(key, layer);
            }
        }
        run.config.addLayer(layer.diffId(), createdBy);
        run.state = run.state.withLayer(run.config.config(), layer);
        run.key = key;
    }

    /** Runs the step's work holding a job permit; what it makes (or its failure) goes to its waiters too. */
    private LayerRef make(CacheKey key, String stageName, String name, Supplier<LayerRef> work,
                          CompletableFuture<LayerRef> made) {
        try {
            var layer = limited(() -> {
                log.started(stageName, name);
                try {
                    var result = work.get();
                    log.done(name);
                    return result;
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) { // stopped: a step elsewhere failed, or Ctrl-C
                        log.canceled(name);
                    } else {
                        log.failed(name, e.getMessage());
                    }
                    throw e;
                }
            });
            made.complete(layer);
            return layer;
        } catch (RuntimeException e) {
            madeThisBuild.remove(key, made); // a failure does not poison the key: a later step may try again
            made.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Waits for the stages the step reads ({@code COPY --from}, {@code --mount from=}) before the step
     * takes a job permit: a step holding one while waiting could starve the stage it waits for.
     */
    private void awaitSourceStages(PlannedStep step) {
        for (var source : step.sources()) {
            if (source instanceof StepSource.Stage(int index)) {
                stageResults.await(index);
            }
        }
    }

    /** Layers of the exported (target) stage are compressed now; other stages' stay plain tar. */
    private LayerWriter writer(StageRun run) {
        return services.layerWriter(run.stage.index() == plan.target());
    }

    /** Runs {@code work} holding one of the {@code --jobs} permits; waiting for one can be interrupted. */
    private LayerRef limited(Supplier<LayerRef> work) {
        try {
            jobs.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnException("the build was interrupted");
        }
        try {
            return work.get();
        } finally {
            jobs.release();
        }
    }

    private String location(Instruction instruction) {
        var range = instruction.range();
        return plan.fileName() + (range == null ? "" : ":" + range.startLine());
    }
}
