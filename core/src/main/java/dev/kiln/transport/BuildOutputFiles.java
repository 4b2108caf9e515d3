package dev.kiln.transport;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The files {@code kiln build} writes about its result: {@code --iidfile} and {@code --metadata-file}. */
public final class BuildOutputFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BuildOutputFiles() {
    }

    /** Writes the image ID (the config digest, {@code sha256:…}, no newline), as docker build does. */
    public static void writeIidFile(Path file, Digest configDigest) {
        write(file, configDigest.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the build's metadata as buildx does: {@code containerimage.digest},
     * {@code containerimage.descriptor}, {@code containerimage.config.digest} and {@code image.name}
     * (full names, comma-separated) for image outputs; {@code {}} for file outputs.
     */
    public static void writeMetadataFile(Path file, ExportResult result) {
        write(file, metadataJson(result));
    }

    static byte[] metadataJson(ExportResult result) {
        ObjectNode root = JSON.createObjectNode();
        result.configDigest().ifPresent(d -> root.put("containerimage.config.digest", d.toString()));
        result.manifest().ifPresent(d -> {
            root.set("containerimage.descriptor", descriptor(d));
            root.put("containerimage.digest", d.digest().toString());
        });
        if (!result.names().isEmpty()) {
            root.put("image.name", result.names().stream().map(ImageReference::toString).collect(Collectors.joining(",")));
        }
        var printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
        try {
            return JSON.writer(printer).writeValueAsBytes(root);
        } catch (IOException e) {
            throw new TransportException("cannot encode the build metadata: " + e.getMessage(), e);
        }
    }

    /** A descriptor as Go's ocispec.Descriptor marshals it (field order of the struct). */
    private static ObjectNode descriptor(Descriptor d) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mediaType", d.mediaType().value());
        node.put("digest", d.digest().toString());
        node.put("size", d.size());
        if (!d.annotations().isEmpty()) {
            ObjectNode annotations = node.putObject("annotations");
            d.annotations().forEach(annotations::put);
        }
        if (d.platform() != null) {
            ObjectNode platform = node.putObject("platform");
            platform.put("architecture", d.platform().architecture());
            platform.put("os", d.platform().os());
            if (!d.platform().variant().isEmpty()) {
                platform.put("variant", d.platform().variant());
            }
        }
        return node;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new TransportException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
