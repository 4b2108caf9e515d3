package dev.kiln.plan;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.dockerfile.instructions.ParsedStages;
import dev.kiln.dockerfile.instructions.Stage;
import dev.kiln.dockerfile.instructions.Suggestion;
import dev.kiln.dockerfile.lint.Checks;
import dev.kiln.dockerfile.lint.Finding;
import dev.kiln.dockerfile.parser.ParseWarning;
import dev.kiln.dockerfile.shell.ShellLexer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns typed stages into a checked, pruned {@link BuildPlan}: global ARGs, stage references,
 * cycles, the target and what it needs, and each needed stage's instructions expanded in order.
 */
public final class Planner {
    private final ParsedStages parsed;
    private final BuildRequest request;
    private final ShellLexer lexer;
    private final List<ParseWarning> warnings;
    private final List<Finding> findings;
    private final List<String> dockerignore;
    private final char escape;

    private Planner(ParsedStages parsed, char escape, BuildRequest request, List<String> dockerignore) {
        this.parsed = parsed;
        this.escape = escape;
        this.request = request;
        this.dockerignore = List.copyOf(dockerignore);
        this.lexer = new ShellLexer(escape);
        this.warnings = new ArrayList<>(parsed.otherWarnings());
        this.findings = new ArrayList<>(parsed.findings());
    }

    /** As {@link #plan(ParsedStages, char, BuildRequest, List)} without a {@code .dockerignore}. */
    public static BuildPlan plan(ParsedStages parsed, char escape, BuildRequest request) {
        return plan(parsed, escape, request, List.of());
    }

    /**
     * @param escape       the Dockerfile's escape character (from its directives)
     * @param dockerignore the build context's {@code .dockerignore} patterns (for CopyIgnoredFile)
     * @throws dev.kiln.dockerfile.DockerfileException for a Dockerfile error, naming file:line:col
     * @throws dev.kiln.dockerfile.lint.LintViolationException when {@code # check=error=true} and a check fired
     * @throws KilnException for a request that does not fit the Dockerfile (e.g. an unknown target)
     */
    public static BuildPlan plan(ParsedStages parsed, char escape, BuildRequest request, List<String> dockerignore) {
        try {
            return new Planner(parsed, escape, request, dockerignore).plan();
        } catch (InstructionException e) {
            throw parsed.locate(e);
        }
    }

    private BuildPlan plan() {
        var checks = Checks.configure(parsed.checkDirective(), request.buildArgs(), parsed.comments());
        var platformArgs = new PlatformArgs(request.buildPlatform(), request.targetPlatform()).values();
        var stages = parsed.stages();
        var names = new StageNames(stages, findings);
        DefaultBaseNames.check(parsed.metaArgs(), stages, platformArgs, lexer, findings);
        var meta = MetaArgs.evaluate(parsed.metaArgs(), platformArgs, request.buildArgs(), lexer);
        var resolver = new StageResolver(stages, names, meta, lexer, findings);
        var resolved = stages.stream().map(resolver::resolve).toList();

        var graph = new StageGraph(stages.size());
        resolved.forEach(stage -> stage.dependencies().forEach(d -> graph.addDependency(stage.index(), d)));
        graph.findCycle().ifPresent(cycle -> {
            throw new InstructionException(stages.get(cycle.getFirst()).from().range(),
                    "circular dependency detected on stage: " + displayName(stages.get(cycle.getFirst())));
        });

        int target = targetIndex(names, stages);
        var needed = graph.reachableFrom(target);
        resolved.stream().filter(s -> needed.get(s.index())).forEach(StageResolver.Resolved::checkCopySourcesDefinedBefore);

        var planned = expandInBuildOrder(resolved, graph.buildOrder(needed), meta);
        reportUnusedBuildArgs(meta, planned);
        var pruned = stages.stream().filter(s -> !needed.get(s.index())).toList();
        var lint = checks.apply(findings);
        warnings.addAll(lint.warnings());
        warnings.sort(Comparator.comparingInt(w -> w.range() == null ? Integer.MAX_VALUE : w.range().startLine()));
        lint.violation(warnings).ifPresent(violation -> {
            throw violation;
        });
        return new BuildPlan(parsed.fileName(), planned, pruned, target, meta.values(), warnings, escape);
    }

    private List<PlannedStage> expandInBuildOrder(List<StageResolver.Resolved> resolved, List<Integer> order,
                                                  MetaArgs meta) {
        var endVariables = new HashMap<Integer, Map<String, String>>();
        var endLintStates = new HashMap<Integer, StageLintState>();
        var inputs = new PlanInputs(lexer, request.buildArgs(), meta.values(), IgnoredSources.of(dockerignore));
        var planned = new ArrayList<PlannedStage>();
        for (int index : order) {
            var stage = resolved.get(index);
            var baseVariables = stage.base() instanceof StageBase.FromStage(int base)
                    ? endVariables.get(base) : Map.<String, String>of();
            var scope = new VariableScope(baseVariables, meta.values(), request.buildArgs(), lexer);
            var checks = new StageChecks(baseLintState(stage.base(), endLintStates), inputs, findings);
            var steps = new ArrayList<PlannedStep>();
            for (var step : stage.steps()) {
                var before = scope.variables();
                var expanded = scope.dispatch(step.raw());
                checks.check(step.raw(), expanded, before, step.onBuild());
                steps.add(new PlannedStep(step.raw(), expanded, step.onBuild(), step.sources()));
            }
            endVariables.put(index, scope.variables());
            endLintStates.put(index, checks.end());
            planned.add(new PlannedStage(stage.stage(), stage.base(), stage.platform(), stage.dependencies(), steps));
        }
        return planned;
    }

    private static StageLintState baseLintState(StageBase base, Map<Integer, StageLintState> built) {
        return switch (base) {
            case StageBase.Scratch() -> StageLintState.SCRATCH;
            case StageBase.FromStage(int index) -> built.get(index);
            case StageBase.FromImage(String ignored) -> StageLintState.IMAGE;
        };
    }

    private int targetIndex(StageNames names, List<Stage> stages) {
        if (request.target().isEmpty()) {
            return stages.size() - 1;
        }
        var wanted = request.target().get();
        return names.lookup(wanted).orElseThrow(() -> unknownTarget(wanted, names.names()));
    }

    private static KilnException unknownTarget(String wanted, List<String> names) {
        var message = Suggestion.withHint("target stage \"" + wanted + "\" could not be found", wanted, names,
                false, "");
        return new KilnException(message + (names.isEmpty()
                ? "; this Dockerfile names no stages (add AS <name> to a FROM line)"
                : "; the stages are: " + String.join(", ", names)));
    }

    private void reportUnusedBuildArgs(MetaArgs meta, List<PlannedStage> planned) {
        var used = new java.util.HashSet<>(meta.declared());
        planned.forEach(stage -> stage.steps().forEach(step -> {
            if (step.instruction() instanceof dev.kiln.dockerfile.instructions.Arg arg) {
                arg.definitions().forEach(d -> used.add(d.name()));
            }
        }));
        var unused = request.buildArgs().keySet().stream()
                .filter(name -> !used.contains(name) && !PredefinedArgs.isPredefined(name))
                .sorted().collect(Collectors.joining(" "));
        if (!unused.isEmpty()) {
            warnings.add(new ParseWarning("One or more build-args [" + unused + "] were not consumed", null));
        }
    }

    static String displayName(Stage stage) {
        return stage.name().orElse("stage-" + stage.index());
    }
}
