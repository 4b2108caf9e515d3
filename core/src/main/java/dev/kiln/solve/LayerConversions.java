package dev.kiln.solve;

import dev.kiln.store.AtomicFiles;
import dev.kiln.KilnException;
import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.internal.json.JsonTrees;
import dev.kiln.image.MediaType;
import dev.kiln.image.MediaType.Compression;
import dev.kiln.image.layer.LayerStreams;
import dev.kiln.image.layer.LayerWriter;
import dev.kiln.store.BlobStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives an exported image's layers the compression the build asked for: Kiln keeps the layers of
 * stages it does not export as plain tar, so a final image built on such a stage compresses them
 * here, once per diffID and compression (remembered under {@code cache/converted}).
 */
final class LayerConversions {
    private final BlobStore blobs;
    private final LayerWriter writer;
    private final Compression target;
    private final Path memo;

    LayerConversions(BlobStore blobs, LayerWriter writer, Compression target, Path memo) {
        this.blobs = blobs;
        this.writer = writer;
        this.target = target;
        this.memo = memo;
    }

    LayerRef convert(LayerRef layer) {
        var from = layer.blob().mediaType().compression();
        if (from == target || from == Compression.ZSTD && target == Compression.GZIP) {
            return layer; // already as asked, or a zstd base layer the default gzip leaves alone
        }
        var file = memo.resolve(layer.diffId().hex() + "." + target.name().toLowerCase(java.util.Locale.ROOT));
        var known = read(file);
        if (known != null && blobs.has(known.digest())) {
            return new LayerRef(known, layer.diffId());
        }
        try (var in = LayerStreams.uncompressed(blobs.openVerified(layer.blob().digest()), layer.blob().mediaType())) {
            var converted = writer.compress(in);
            if (!converted.diffId().equals(layer.diffId())) {
                throw new KilnException("layer " + layer.blob().digest() + " does not hold diffID " + layer.diffId()
                        + " (it holds " + converted.diffId() + "); the store may be damaged: run kiln prune");
            }
            write(file, converted.descriptor());
            return new LayerRef(converted.descriptor(), layer.diffId());
        } catch (IOException e) {
            throw new KilnException("cannot compress layer " + layer.blob().digest() + ": " + e.getMessage(), e);
        }
    }

    private static Descriptor read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            var node = JsonTrees.read(Files.readAllBytes(file));
            return Descriptor.of(MediaType.of(node.get("mediaType").asText()), Digest.parse(node.get("digest").asText()),
                    node.get("size").asLong());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void write(Path file, Descriptor descriptor) {
        try {
            Files.createDirectories(file.getParent());
            var node = JsonTrees.object()
                    .put("mediaType", descriptor.mediaType().value())
                    .put("digest", descriptor.digest().toString())
                    .put("size", descriptor.size());
            AtomicFiles.write(file, JsonTrees.write(node));
        } catch (IOException e) {
            // the next export converts the layer again
        }
    }
}
