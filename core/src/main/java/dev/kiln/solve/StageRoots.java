package dev.kiln.solve;

import dev.kiln.plan.StepSource;
import dev.kiln.solve.mount.SourceRoot;
import dev.kiln.solve.mount.SourceRoots;

import java.util.function.Function;
import java.util.stream.Collectors;

/** The final roots of built stages and of local images, each as a throwaway snapshot of its layers. */
final class StageRoots implements SourceRoots {
    private final BuildServices services;
    private final StageResults stages;
    private final Function<String, BaseImages.Resolved> images;

    StageRoots(BuildServices services, StageResults stages, Function<String, BaseImages.Resolved> images) {
        this.services = services;
        this.stages = stages;
        this.images = images;
    }

    @Override
    public SourceRoot open(StepSource source) {
        var image = switch (source) {
            case StepSource.Stage(int index) -> stages.await(index).image();
            case StepSource.Image(String reference) -> images.apply(reference).image();
        };
        var lowers = image.layers().stream().map(l -> services.snapshots().unpacked(l.blob(), l.diffId())).toList();
        var snapshot = services.snapshotter().prepare(lowers);
        var identity = image.layers().stream().map(l -> l.diffId().toString()).collect(Collectors.joining(","));
        return new SourceRoot(snapshot.root(), identity, snapshot);
    }
}
