package dev.kiln.solve;

import dev.kiln.copy.BuildContext;
import dev.kiln.exec.ExecSpec;
import dev.kiln.image.Platform;
import dev.kiln.solve.mount.RunMountInputs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a build needs beyond its plan.
 *
 * @param context       the build context: its directory, its .dockerignore filter and its fingerprint
 * @param buildArgs     {@code --build-arg} values
 * @param tags          {@code -t} names for the result in the local store
 * @param labels        {@code --label} values for the final image
 * @param network       the default network of RUN steps ({@code --network})
 * @param platform      the target platform
 * @param noCache       {@code --no-cache}: run every step (results are still recorded)
 * @param noCacheStages {@code --no-cache-filter}: stages whose steps always run
 * @param jobs          how many steps may run at once ({@code --jobs})
 * @param pull          {@code --pull}: fetch base images from their registry even when the store has them
 * @param mounts        what {@code RUN --mount} reads besides the context: {@code --secret}, {@code --ssh}
 */
public record BuildOptions(BuildContext context, Map<String, String> buildArgs, List<String> tags,
                           Map<String, String> labels, ExecSpec.Network network, Platform platform, boolean noCache,
                           Set<String> noCacheStages, int jobs, boolean pull, RunMountInputs mounts) {
    public BuildOptions {
        buildArgs = Map.copyOf(buildArgs);
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
        noCacheStages = Set.copyOf(noCacheStages);
        if (jobs < 1) {
            throw new dev.kiln.KilnException("--jobs must be at least 1, got " + jobs);
        }
    }

    /** Options with defaults for everything but the context (filtered by its .dockerignore), tags and platform. */
    public static BuildOptions of(Path context, List<String> tags, Platform platform) {
        return new BuildOptions(BuildContext.open(context, null), Map.of(), tags, Map.of(), ExecSpec.Network.HOST, platform, false,
                Set.of(), Runtime.getRuntime().availableProcessors(), false, RunMountInputs.none());
    }

    public BuildOptions withMounts(RunMountInputs newMounts) {
        return new BuildOptions(context, buildArgs, tags, labels, network, platform, noCache, noCacheStages,
                jobs, pull, newMounts);
    }

    boolean useCacheFor(Optional<String> stageName) {
        return !noCache && stageName.map(name -> !noCacheStages.contains(name)).orElse(true);
    }
}
