package dev.kiln.solve.mount;

import dev.kiln.dockerfile.instructions.Mount;
import dev.kiln.plan.StepSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a build's {@code RUN --mount}s draw on, made once per build.
 *
 * @param context     the build context directory
 * @param inputs      {@code --secret}, {@code --ssh} and the context's ignore rules
 * @param workRoot    where per-step temp dirs go (e.g. {@code $KILN_HOME/tmp})
 * @param cacheRoot   where cache mounts live ({@code $KILN_HOME/cache-mounts})
 * @param roots       opens stages and images named by {@code from=}
 * @param environment Kiln's environment, for {@code --secret env=} values
 */
public record MountSetup(Path context, RunMountInputs inputs, Path workRoot, Path cacheRoot, SourceRoots roots,
                         Map<String, String> environment) {
    public MountSetup {
        environment = Map.copyOf(environment);
    }

    /** The cache-mount folder of a store at {@code kilnHome}. */
    public static Path cacheRootOf(Path kilnHome) {
        return kilnHome.resolve("cache-mounts");
    }

    /**
     * Prepares a step's mounts; close the result after the step, whatever happened.
     *
     * @param mounts  the step's expanded mounts
     * @param sources what each mount with {@code from=} names, in the order of those mounts
     * @param workdir the step's working directory, against which relative targets resolve
     * @param rootfs  the step's root, to see which mount points exist before it runs
     */
    public StepMounts prepare(List<Mount> mounts, List<StepSource> sources, String workdir, Path rootfs) {
        return new StepMountsBuilder(this, sources, workdir).build(mounts, rootfs);
    }
}
