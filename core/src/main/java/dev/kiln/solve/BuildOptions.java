package dev.kiln.solve;

import dev.kiln.exec.ExecSpec;
import dev.kiln.image.Platform;
import dev.kiln.solve.mount.RunMountInputs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a build needs beyond its plan.
 *
 * @param context        the build context directory
 * @param dockerfile     the Dockerfile's path (for {@code <Dockerfile>.dockerignore}), or null when read from stdin
 * @param buildArgs      {@code --build-arg} values
 * @param tags           {@code -t} names for the result in the local store
 * @param labels         {@code --label} values for the final image
 * @param network        the default network of RUN steps ({@code --network})
 * @param platform       the target platform
 * @param mounts         what {@code RUN --mount} reads besides the context: {@code --secret}, {@code --ssh}
 */
public record BuildOptions(Path context, Path dockerfile, Map<String, String> buildArgs, List<String> tags,
                           Map<String, String> labels, ExecSpec.Network network, Platform platform,
                           RunMountInputs mounts) {
    /** Without secrets, ssh agents or ignore rules for RUN --mount. */
    public BuildOptions(Path context, Path dockerfile, Map<String, String> buildArgs, List<String> tags,
                        Map<String, String> labels, ExecSpec.Network network, Platform platform) {
        this(context, dockerfile, buildArgs, tags, labels, network, platform, RunMountInputs.none());
    }

    public BuildOptions {
        buildArgs = Map.copyOf(buildArgs);
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
    }
}
