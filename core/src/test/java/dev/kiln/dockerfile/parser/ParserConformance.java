package dev.kiln.dockerfile.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads BuildKit's parser conformance data in place (see ../shared/conformance/README.md). */
final class ParserConformance {
    static final Path ROOT = Path.of("../shared/conformance/parser");

    private ParserConformance() {}

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        return read(ROOT.resolve(relative));
    }

    /** The case directories under {@code testfiles} or {@code testfiles-negative}, sorted. */
    static List<Path> cases(String group) {
        try (Stream<Path> dirs = Files.list(ROOT.resolve(group))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Dockerfile of the conformance data, for the fuzz test's seeds. */
    static List<Path> allDockerfiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.getFileName().toString().equals("Dockerfile")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
