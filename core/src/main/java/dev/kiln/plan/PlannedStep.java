package dev.kiln.plan;

import dev.kiln.dockerfile.instructions.Instruction;

import java.util.List;

/**
 * One instruction of a stage as it will run.
 *
 * @param raw         the instruction as written
 * @param instruction the instruction with its words expanded as far as the plan knows the
 *                    variables (a base image's own ENV is known only once it is pulled, so
 *                    the build expands {@code raw} again with it)
 * @param onBuild     true when it is an ONBUILD trigger inherited from the base stage
 * @param sources     the stages and images it reads ({@code COPY --from}, {@code --mount=from})
 */
public record PlannedStep(Instruction raw, Instruction instruction, boolean onBuild, List<StepSource> sources) {
    public PlannedStep {
        sources = List.copyOf(sources);
    }
}
