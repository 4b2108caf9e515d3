package dev.kiln.cli;

import dev.kiln.KilnException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The Dockerfile a build reads: {@code -f FILE}, {@code -f -} (stdin), or {@code CONTEXT/Dockerfile}. */
record DockerfileSource(String displayName, Path path, String text) {

    static DockerfileSource locate(String fileFlag, Path context, InputStream stdin) {
        if ("-".equals(fileFlag)) {
            try {
                return new DockerfileSource("-", null, new String(stdin.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new KilnException("cannot read the Dockerfile from standard input: " + e.getMessage(), e);
            }
        }
        var path = fileFlag == null ? context.resolve("Dockerfile") : Path.of(fileFlag);
        try {
            return new DockerfileSource(path.toString(), path, Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new KilnException("cannot read the Dockerfile: " + path + " does not exist"
                    + (fileFlag == null ? " (name another one with -f FILE)" : ""));
        } catch (IOException e) {
            throw new KilnException("cannot read the Dockerfile " + path + ": " + e.getMessage(), e);
        }
    }
}
