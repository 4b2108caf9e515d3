package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.lint.CheckComments;
import dev.kiln.dockerfile.lint.Finding;
import dev.kiln.dockerfile.parser.Node;
import dev.kiln.dockerfile.parser.ParseWarning;
import dev.kiln.dockerfile.parser.ParsedDockerfile;
import dev.kiln.dockerfile.parser.SourceRange;
import java.util.ArrayList;
import java.util.List;

/** Groups typed instructions into stages: ARGs before the first FROM are meta ARGs, FROM opens a stage. */
final class StageBuilder {
    private final ParsedDockerfile dockerfile;
    private final List<Arg> metaArgs = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final List<ParseWarning> otherWarnings = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final InstructionCasing casing = new InstructionCasing();
    private final CheckComments comments;
    private From currentFrom;
    private List<Instruction> current;

    private StageBuilder(ParsedDockerfile dockerfile) {
        this.dockerfile = dockerfile;
        this.comments = CheckComments.of(dockerfile);
        for (var warning : dockerfile.warnings() == null ? List.<ParseWarning>of() : dockerfile.warnings()) {
            if (Lint.isEmptyContinuation(warning)) {
                findings.add(Lint.emptyContinuation(warning));
            } else {
                otherWarnings.add(warning);
            }
        }
    }

    static ParsedStages build(ParsedDockerfile dockerfile) {
        return new StageBuilder(dockerfile).run();
    }

    private ParsedStages run() {
        try {
            for (var node : dockerfile.children()) {
                add(node);
            }
        } catch (InstructionException e) {
            throw Errors.at(dockerfile.fileName(), lines(), e);
        }
        closeStage();
        casing.check(findings);
        if (stages.isEmpty()) {
            throw Errors.at(dockerfile.fileName(), lines(), new InstructionException(dockerfile.range(),
                    "the Dockerfile has no FROM instruction; add one (e.g. FROM debian:stable) to start a stage"));
        }
        var directives = dockerfile.directives();
        return new ParsedStages(dockerfile.fileName(), metaArgs, stages, findings, otherWarnings, lines(),
                directives == null ? java.util.Optional.empty() : directives.check(), comments);
    }

    private List<String> lines() {
        return dockerfile.lines() == null ? List.of() : dockerfile.lines();
    }

    private void add(Node node) {
        Lint.beforeParse(node, findings);
        var instruction = InstructionParser.parse(node);
        Lint.afterParse(instruction, comments, findings);
        switch (instruction) {
            case From from -> {
                casing.add(node);
                openStage(from);
            }
            case Arg arg when current == null -> metaArgs.add(arg);
            default -> {
                if (current == null) {
                    throw new InstructionException(node.range(), "no build stage in current context: "
                            + instruction.keyword() + " must come after a FROM (only ARG may come before the first FROM)");
                }
                casing.add(node);
                current.add(instruction);
            }
        }
    }

    private void openStage(From from) {
        closeStage();
        currentFrom = from;
        current = new ArrayList<>();
    }

    private void closeStage() {
        if (currentFrom == null) {
            return;
        }
        var last = current.isEmpty() ? currentFrom.range() : current.getLast().range();
        var start = currentFrom.range();
        var range = start == null || last == null ? start
                : new SourceRange(start.startLine(), start.startColumn(), last.endLine(), last.endColumn());
        stages.add(new Stage(currentFrom.stageName(), currentFrom.image(), currentFrom.platform(), stages.size(),
                current, range, currentFrom));
        currentFrom = null;
        current = null;
    }
}
