package dev.kiln.solve;

import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.dockerfile.instructions.Run;
import dev.kiln.dockerfile.instructions.Workdir;
import dev.kiln.plan.BuildPlan;
import dev.kiln.plan.PlannedStage;
import dev.kiln.plan.PlannedStep;
import dev.kiln.plan.VariableScope;
import dev.kiln.solve.mount.MountSetup;

import java.util.Map;

/** Runs one stage's instructions in order over its base image. */
final class StageRunner {
    private final BuildPlan plan;
    private final BuildOptions options;
    private final BuildServices services;
    private final StepLog log;
    private final CopyStep copyStep;
    private final MountSetup mounts;

    StageRunner(BuildPlan plan, BuildOptions options, BuildServices services, StepLog log, CopyStep copyStep,
                MountSetup mounts) {
        this.plan = plan;
        this.options = options;
        this.services = services;
        this.log = log;
        this.copyStep = copyStep;
        this.mounts = mounts;
    }

    StageResult run(PlannedStage stage, ImageState base, Map<String, String> baseVariables) {
        var scope = new VariableScope(baseVariables, plan.globalArgs(), options.buildArgs(), plan.escape());
        var config = new StageConfig(base.config(), services.created());
        var state = base;
        var numbering = new StepNumbering(stage);
        for (var step : stage.steps()) {
            var instruction = scope.dispatch(step.raw());
            state = apply(stage, step, instruction, state, config, scope.variables(), numbering);
        }
        return new StageResult(state.withConfig(config.config()), scope.variables());
    }

    private ImageState apply(PlannedStage stage, PlannedStep step, Instruction instruction, ImageState state,
                             StageConfig config, Map<String, String> variables, StepNumbering numbering) {
        var location = location(instruction);
        return switch (instruction) {
            case Run run -> {
                var name = numbering.next(step, instruction);
                log.started(name);
                var result = new RunStep(services, log, mounts, step.sources()).run(run, state, config, variables,
                        options.network(), location, name);
                config.addLayer(result.layer().diffId(), result.createdBy());
                log.done(name);
                yield state.withLayer(config.config(), result.layer());
            }
            case Copy copy -> layerStep(numbering.next(step, instruction), state, config,
                    () -> copyStep.copy(copy, step, state, config, location));
            case Add add -> layerStep(numbering.next(step, instruction), state, config,
                    () -> copyStep.add(add, state, config, location));
            case Workdir workdir -> {
                var path = UnixPaths.resolve(config.config().config().workingDir(), workdir.path());
                config.apply(new Workdir(path, workdir.range(), workdir.original()));
                if (path.equals("/")) {
                    config.addEmptyHistory("WORKDIR " + path);
                    yield state.withConfig(config.config());
                }
                yield layerStep(numbering.next(step, instruction), state, config,
                        () -> new LayerStepResult(new WorkdirStep(services).create(path, state, config),
                                "WORKDIR " + path));
            }
            default -> {
                config.apply(instruction);
                yield state.withConfig(config.config());
            }
        };
    }

    private ImageState layerStep(String name, ImageState state, StageConfig config,
                                 java.util.function.Supplier<LayerStepResult> work) {
        log.started(name);
        var result = work.get();
        config.addLayer(result.layer().diffId(), result.createdBy());
        log.done(name);
        return state.withLayer(config.config(), result.layer());
    }

    private String location(Instruction instruction) {
        var range = instruction.range();
        return plan.fileName() + (range == null ? "" : ":" + range.startLine());
    }

    /** A layer a step made and its history text. */
    record LayerStepResult(LayerRef layer, String createdBy) {}

    static InstructionException error(Instruction instruction, String problem) {
        return new InstructionException(instruction.range(), problem);
    }
}
