package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.plan.PlannedStep;

import java.util.Map;

/** COPY and ADD: files from the context, another stage or an image, as one layer. */
final class CopyStep {
    private final BuildOptions options;
    private final BuildServices services;
    private final Map<Integer, StageResult> stages;

    CopyStep(BuildOptions options, BuildServices services, Map<Integer, StageResult> stages) {
        this.options = options;
        this.services = services;
        this.stages = stages;
    }

    /** A COPY or ADD with its inputs resolved: its cache key and history are known before it runs. */
    interface Prepared {
        CacheKey key(CacheKey parent);

        String createdBy();

        LayerRef run();
    }

    Prepared prepareCopy(Copy copy, PlannedStep step, ImageState state, StageConfig config, String location) {
        throw new KilnException(location + ": COPY is not available yet in this build of Kiln");
    }

    Prepared prepareAdd(Add add, ImageState state, StageConfig config, String location) {
        throw new KilnException(location + ": ADD is not available yet in this build of Kiln");
    }
}
