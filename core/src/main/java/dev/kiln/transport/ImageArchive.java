package dev.kiln.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Index;
import dev.kiln.image.Manifest;
import dev.kiln.image.Platform;
import dev.kiln.store.BlobStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes images from the store as one tar, laid out as containerd's archive exporter (and so
 * BuildKit's {@code oci} and {@code docker} exporters) writes it: an OCI image layout
 * ({@code oci-layout}, {@code index.json}, {@code blobs/}) and, for docker, a {@code manifest.json}
 * that {@code docker load} reads, whose paths point at the same blobs (layers stay compressed).
 */
public final class ImageArchive {
    static final String OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which files describe the images. */
    public enum Format { OCI, DOCKER }

    private ImageArchive() {
    }

    public static void write(BlobStore blobs, List<ArchiveImage> images, Format format, OutputStream out) {
        List<ArchiveEntry> entries = new ArrayList<>();
        entries.add(ArchiveEntry.file("oci-layout", 0444, OCI_LAYOUT.getBytes(StandardCharsets.UTF_8)));
        Map<Digest, Descriptor> allBlobs = new LinkedHashMap<>();
        List<Descriptor> indexEntries = new ArrayList<>();
        for (ArchiveImage image : images) {
            Descriptor target = ExportName.unnamed(image.target());
            ImageGraph.blobs(blobs, target).forEach(d -> allBlobs.putIfAbsent(d.digest(), d));
            indexEntries.addAll(indexEntries(target, image.names()));
        }
        byte[] index = ImageCodec.encode(Index.oci(indexEntries));
        entries.add(ArchiveEntry.file("index.json", 0644, index));
        if (format == Format.DOCKER) {
            entries.add(ArchiveEntry.file("manifest.json", 0644, dockerManifest(blobs, images)));
        }
        entries.add(ArchiveEntry.directory("blobs/"));
        Set<String> algorithms = new LinkedHashSet<>();
        for (Descriptor d : allBlobs.values()) {
            algorithms.add(d.digest().algorithm().id());
            entries.add(new ArchiveEntry(blobPath(d.digest()), 0444, d.size(), () -> blobs.openVerified(d.digest())));
        }
        algorithms.forEach(a -> entries.add(ArchiveEntry.directory("blobs/" + a + "/")));
        try {
            ArchiveTarWriter.write(entries, out);
        } catch (IOException e) {
            throw new TransportException("cannot write the image archive: " + e.getMessage(), e);
        }
    }

    static String blobPath(Digest digest) {
        return "blobs/" + digest.algorithm().id() + "/" + digest.encoded();
    }

    private static List<Descriptor> indexEntries(Descriptor target, List<ImageReference> names) {
        if (names.isEmpty()) {
            return List.of(target);
        }
        return names.stream().map(n -> ExportName.named(target, n)).toList();
    }

    /** {@code manifest.json}: per image, the config and layer paths, and its familiar names as RepoTags. */
    private static byte[] dockerManifest(BlobStore blobs, List<ArchiveImage> images) {
        Map<Digest, ObjectNode> byManifest = new LinkedHashMap<>();
        ArrayNode root = JSON.createArrayNode();
        for (ArchiveImage image : images) {
            Descriptor manifestDescriptor = ImageGraph.manifestFor(blobs, image.target(), Platform.current());
            ObjectNode entry = byManifest.computeIfAbsent(manifestDescriptor.digest(), d -> {
                ObjectNode node = newDockerEntry(ImageCodec.decodeManifest(blobs.readAll(d)));
                root.add(node);
                return node;
            });
            for (ImageReference name : image.names()) {
                if (entry.get("RepoTags").isNull()) {
                    entry.putArray("RepoTags");
                }
                ((ArrayNode) entry.get("RepoTags")).add(name.familiar());
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new TransportException("cannot encode manifest.json: " + e.getMessage(), e);
        }
    }

    private static ObjectNode newDockerEntry(Manifest manifest) {
        ObjectNode node = JSON.createObjectNode();
        node.put("Config", blobPath(manifest.config().digest()));
        node.putNull("RepoTags");
        if (manifest.layers().isEmpty()) {
            node.putNull("Layers");
        } else {
            ArrayNode layers = node.putArray("Layers");
            manifest.layers().forEach(l -> layers.add(blobPath(l.digest())));
        }
        return node;
    }
}
