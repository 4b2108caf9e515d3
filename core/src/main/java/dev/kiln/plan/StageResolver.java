package dev.kiln.plan;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.dockerfile.instructions.Mount;
import dev.kiln.dockerfile.instructions.Onbuild;
import dev.kiln.dockerfile.instructions.Run;
import dev.kiln.dockerfile.instructions.Stage;
import dev.kiln.dockerfile.lint.Finding;
import dev.kiln.dockerfile.shell.Expansion;
import dev.kiln.dockerfile.shell.ShellLexer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves what each stage refers to: its base (scratch, an earlier stage or an image, after
 * global ARG expansion), its platform, and the stages or images its steps read from.
 */
final class StageResolver {
    private static final String SCRATCH = "scratch";

    private final List<Stage> stages;
    private final StageNames names;
    private final MetaArgs meta;
    private final ShellLexer lexer;
    private final FromChecks checks;

    StageResolver(List<Stage> stages, StageNames names, MetaArgs meta, ShellLexer lexer, List<Finding> findings) {
        this.stages = stages;
        this.names = names;
        this.meta = meta;
        this.lexer = lexer;
        this.checks = new FromChecks(meta, findings);
    }

    /** A stage with its references resolved; its steps' words are not yet expanded. */
    record Resolved(Stage stage, StageBase base, Optional<String> platform, List<PlannedStep> steps,
                    Set<Integer> dependencies) {
        int index() {
            return stage.index();
        }

        /** BuildKit builds stages in file order, so COPY --from must name a stage above. */
        void checkCopySourcesDefinedBefore() {
            for (var step : steps) {
                if (step.instruction() instanceof Copy copy && copy.from().isPresent()
                        && step.sources().getFirst() instanceof StepSource.Stage(int source) && source > index()) {
                    throw new InstructionException(copy.range(), "cannot copy from stage \"" + copy.from().get()
                            + "\", it needs to be defined before current stage \"" + Planner.displayName(stage) + "\"");
                }
            }
        }
    }

    Resolved resolve(Stage stage) {
        var baseName = expandGlobal(stage, stage.baseImage(), "base name").result();
        if (baseName.isEmpty()) {
            throw new InstructionException(stage.from().range(),
                    "base name (" + stage.baseImage() + ") should not be blank");
        }
        var platform = stage.platform().map(p -> {
            var expansion = expandGlobal(stage, p, "platform");
            checks.platform(stage, p, expansion);
            return expansion.result();
        });
        if (platform.filter(String::isEmpty).isPresent()) {
            throw new InstructionException(stage.from().range(),
                    "empty platform value from expression " + stage.platform().get());
        }
        var base = baseOf(stage, baseName);
        var dependencies = new TreeSet<Integer>();
        if (base instanceof StageBase.FromStage(int index)) {
            dependencies.add(index);
        }
        var steps = new ArrayList<PlannedStep>();
        if (base instanceof StageBase.FromStage(int index)) {
            for (var instruction : stages.get(index).instructions()) {
                if (instruction instanceof Onbuild onbuild) {
                    steps.add(step(onbuild.trigger(), true));
                }
            }
        }
        stage.instructions().forEach(instruction -> steps.add(step(instruction, false)));
        steps.forEach(step -> step.sources().forEach(source -> {
            if (source instanceof StepSource.Stage(int index)) {
                dependencies.add(index);
            }
        }));
        return new Resolved(stage, base, platform, steps, dependencies);
    }

    private StageBase baseOf(Stage stage, String baseName) {
        if (baseName.equals(SCRATCH)) {
            return new StageBase.Scratch();
        }
        return names.baseOf(stage.index(), baseName)
                .<StageBase>map(StageBase.FromStage::new)
                .orElseGet(() -> new StageBase.FromImage(baseName));
    }

    private Expansion expandGlobal(Stage stage, String word, String what) {
        try {
            var expansion = lexer.processWordWithMatches(word, meta.values());
            checks.undefinedArgs(stage, expansion);
            return expansion;
        } catch (KilnException e) {
            throw new InstructionException(stage.from().range(),
                    "failed to process arguments for " + what + " " + word + ": " + e.getMessage());
        }
    }

    private PlannedStep step(Instruction instruction, boolean onBuild) {
        return new PlannedStep(instruction, instruction, onBuild, sourcesOf(instruction));
    }

    private List<StepSource> sourcesOf(Instruction instruction) {
        return switch (instruction) {
            case Copy copy when copy.from().isPresent() -> List.of(copySource(copy));
            case Run run -> run.mounts().stream().flatMap(m -> mountFrom(m).stream())
                    .map(this::namedSource).toList();
            default -> List.of();
        };
    }

    private StepSource copySource(Copy copy) {
        var from = copy.from().get();
        if (!lexer.processWord(from, Map.of()).equals(from)) {
            throw new InstructionException(copy.range(), "variable expansion is not supported for --from, define a "
                    + "new stage with FROM using ARG from global scope as a workaround");
        }
        if (from.matches("-?[0-9]+")) {
            int index = parseIndex(copy, from);
            if (index < 0 || index >= stages.size()) {
                throw new InstructionException(copy.range(), "invalid stage index " + from);
            }
            return new StepSource.Stage(index);
        }
        return namedSource(from);
    }

    private static int parseIndex(Copy copy, String from) {
        try {
            return Integer.parseInt(from);
        } catch (NumberFormatException e) {
            throw new InstructionException(copy.range(), "invalid stage index " + from);
        }
    }

    private StepSource namedSource(String name) {
        return names.lookup(name).<StepSource>map(StepSource.Stage::new)
                .orElseGet(() -> new StepSource.Image(name));
    }

    private static Optional<String> mountFrom(Mount mount) {
        return switch (mount) {
            case Mount.Bind bind -> bind.from();
            case Mount.Cache cache -> cache.from();
            default -> Optional.empty();
        };
    }
}
