package dev.kiln.solve;

import dev.kiln.store.AtomicFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.internal.json.JsonTrees;
import dev.kiln.image.MediaType;
import dev.kiln.store.BlobStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cache records under {@code $KILN_HOME/cache}: a step's key → the layer it made. A record is
 * written (temp file, then atomic rename) only after its layer blob is in the store, and a
 * record whose blob has gone (pruned) or that cannot be read is a miss, never a wrong result.
 */
public final class BuildCache {
    private final Path root;
    private final BlobStore blobs;

    public BuildCache(Path root, BlobStore blobs) {
        this.root = root;
        this.blobs = blobs;
    }

    public Optional<LayerRef> lookup(CacheKey key) {
        var file = fileOf(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            var layer = read(file);
            if (!blobs.has(layer.blob().digest())) {
                return Optional.empty();
            }
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return Optional.of(layer);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @throws RuntimeException when the record is not one {@link #record} wrote */
    private static LayerRef read(Path file) throws IOException {
        var node = JsonTrees.read(Files.readAllBytes(file));
        return new LayerRef(Descriptor.of(MediaType.of(node.get("mediaType").asText()),
                Digest.parse(node.get("digest").asText()), node.get("size").asLong()),
                Digest.parse(node.get("diffId").asText()));
    }

    public void record(CacheKey key, LayerRef layer) {
        ObjectNode node = JsonTrees.object();
        node.put("mediaType", layer.blob().mediaType().value());
        node.put("digest", layer.blob().digest().toString());
        node.put("size", layer.blob().size());
        node.put("diffId", layer.diffId().toString());
        var file = fileOf(key);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, JsonTrees.write(node));
        } catch (IOException e) {
            // a record that cannot be written only costs a rebuild of this step next time
        }
    }

    /**
     * Removes cache records: those unused since {@code unusedFor} ago (all when null), then the
     * least recently used until the layers of the rest fit in {@code keepBytes} (no limit when
     * negative). Returns the layers the remaining records use, for the collectors to keep.
     */
    public List<LayerRef> prune(Duration unusedFor, long keepBytes) {
        var records = records();
        records.sort(Comparator.comparing(Record::lastUsed).reversed());
        var cutoff = unusedFor == null ? null : Instant.now().minus(unusedFor);
        boolean removeAll = unusedFor == null && keepBytes < 0;
        var kept = new ArrayList<LayerRef>();
        long total = 0;
        for (var record : records) {
            long size = record.layer().blob().size();
            boolean unused = cutoff != null && record.lastUsed().isBefore(cutoff);
            boolean overBudget = keepBytes >= 0 && total + size > keepBytes;
            if (removeAll || unused || overBudget) {
                delete(record.file());
            } else {
                kept.add(record.layer());
                total += size;
            }
        }
        return kept;
    }

    private record Record(Path file, LayerRef layer, Instant lastUsed) {}

    private List<Record> records() {
        var records = new ArrayList<Record>();
        if (!Files.isDirectory(root)) {
            return records;
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(file -> {
                try {
                    records.add(new Record(file, read(file), Files.getLastModifiedTime(file).toInstant()));
                } catch (IOException | RuntimeException e) {
                    delete(file);
                }
            });
        } catch (IOException e) {
            throw new dev.kiln.KilnException("cannot read the build cache " + root + ": " + e.getMessage(), e);
        }
        return records;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a record that stays only keeps its layer a while longer
        }
    }

    private Path fileOf(CacheKey key) {
        var hex = key.digest().hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex + ".json");
    }
}
