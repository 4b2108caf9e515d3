package dev.kiln.dockerfile.parser;

/** Parses Dockerfile text into {@link Node}s, as BuildKit's frontend/dockerfile/parser does. */
public final class DockerfileParser {
    private DockerfileParser() {}

    /**
     * @param fileName the name for messages
     * @param text     the whole file
     * @throws DockerfileException on input BuildKit's parser rejects, naming file:line:col
     */
    public static ParsedDockerfile parse(String fileName, String text) {
        throw new UnsupportedOperationException("parser not implemented yet");
    }
}
