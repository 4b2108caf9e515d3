package dev.kiln.plan;

import java.util.Map;
import java.util.Optional;

/**
 * What the user asked of a build, as far as planning is concerned.
 *
 * @param buildArgs      {@code --build-arg} values
 * @param target         {@code --target}, or empty for the last stage
 * @param buildPlatform  the platform Kiln runs on, e.g. {@code linux/amd64}
 * @param targetPlatform the platform of the result ({@code --platform}), usually the build platform
 */
public record BuildRequest(Map<String, String> buildArgs, Optional<String> target, String buildPlatform,
                           String targetPlatform) {
    public BuildRequest {
        buildArgs = Map.copyOf(buildArgs);
    }
}
