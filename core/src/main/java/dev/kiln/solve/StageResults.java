package dev.kiln.solve;

import dev.kiln.plan.PlannedStage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The results of a build's stages as they finish. A step waits here for exactly the stage it reads
 * (its base, a {@code COPY --from}, a {@code --mount from=}), so the rest of its stage runs while
 * that stage is still building, as BuildKit runs each vertex once its own inputs are ready.
 */
final class StageResults {
    private final Map<Integer, CompletableFuture<StageResult>> results = new HashMap<>();

    StageResults(List<PlannedStage> stages) {
        stages.forEach(stage -> results.put(stage.index(), new CompletableFuture<>()));
    }

    void finished(int stage, StageResult result) {
        results.get(stage).complete(result);
    }

    void failed(int stage, Throwable failure) {
        results.get(stage).completeExceptionally(failure);
    }

    /**
     * The stage's result, once it is built.
     *
     * @throws RuntimeException the stage's own failure, or a KilnException if the wait was interrupted
     */
    StageResult await(int stage) {
        var result = results.get(stage);
        if (result == null) {
            throw new IllegalStateException("stage " + stage + " is not part of the plan");
        }
        return Awaited.result(result);
    }
}
