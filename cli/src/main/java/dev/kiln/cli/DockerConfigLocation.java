package dev.kiln.cli;

import dev.kiln.registry.auth.DockerCredentials;

import java.nio.file.Path;

/**
 * Where registry credentials live: the docker config of the environment ({@code $DOCKER_CONFIG},
 * else {@code ~/.docker}); tests point it at a temporary folder instead of changing the environment.
 */
final class DockerConfigLocation {
    private static volatile Path override;

    private DockerConfigLocation() {}

    static DockerCredentials credentials() {
        var directory = override;
        return directory != null ? new DockerCredentials(directory, System.getenv()) : DockerCredentials.fromEnvironment();
    }

    /** For tests: keep credentials in {@code directory}/config.json (null restores the environment's). */
    static void overrideForTests(Path directory) {
        override = directory;
    }
}
