package dev.kiln.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Index;
import dev.kiln.store.ImageNames;
import dev.kiln.store.Store;
import dev.kiln.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a docker archive ({@code docker save}, BuildKit's docker exporter) or an OCI archive into
 * the store, as {@code docker load} does. Every blob is checked against its digest as it is
 * copied, every layer against its config's diffID, and only then are the images named.
 */
public final class ArchiveLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveLoader() {
    }

    public static List<LoadedImage> load(Store store, Path archive) {
        ArchiveContents contents = ArchiveContents.read(archive, store.blobs());
        List<LoadedImage> images = contents.description("index.json")
                .map(index -> fromIndex(store, contents, index))
                .orElseGet(() -> fromDockerManifest(store, contents));
        if (images.isEmpty()) {
            throw new TransportException(archive + " holds no image (no index.json or manifest.json entry)");
        }
        for (LoadedImage image : images) {
            if (image.names().isEmpty()) {
                throw new TransportException("image " + image.id() + " in " + archive + " has no name, and kiln keeps "
                        + "only named images; save it with a name (e.g. kiln save -o F NAME)");
            }
        }
        for (LoadedImage image : images) {
            image.names().forEach(name -> store.names().put(name.toString(), image.target()));
        }
        return images;
    }

    private static List<LoadedImage> fromIndex(Store store, ArchiveContents contents, byte[] indexJson) {
        Index index = ImageCodec.decodeIndex(indexJson);
        List<DockerEntry> dockerEntries = contents.description("manifest.json").map(ArchiveLoader::dockerEntries).orElse(List.of());
        List<LoadedImage> images = new ArrayList<>();
        for (Descriptor entry : index.manifests()) {
            Descriptor target = ExportName.unnamed(entry);
            ImageGraph.blobs(store.blobs(), target);
            Descriptor manifest = ImageGraph.manifestFor(store.blobs(), target, dev.kiln.image.Platform.current());
            StoredImage image = StoredImage.read(store.blobs(), manifest);
            DiffIds.verify(store.blobs(), image.layers(), image.config().rootfs().diffIds(), "image " + manifest.digest());
            List<ImageReference> names = new ArrayList<>(nameOf(entry));
            if (names.isEmpty()) {
                for (DockerEntry docker : dockerEntries) {
                    if (contents.blobAt(docker.config()).digest().equals(image.id())) {
                        docker.repoTags().forEach(tag -> names.add(ImageNames.parse(tag)));
                    }
                }
            }
            images.add(new LoadedImage(target, image.id(), names));
        }
        return images;
    }

    /** The full name containerd writes; a ref name only when it is a whole reference, not a bare tag. */
    private static List<ImageReference> nameOf(Descriptor entry) {
        String full = entry.annotation(ImageNames.CONTAINERD_NAME);
        String ref = entry.annotation(ImageNames.OCI_REF_NAME);
        String name = full != null ? full : ref != null && (ref.contains("/") || ref.contains(":")) ? ref : null;
        if (name == null) {
            return List.of();
        }
        try {
            return List.of(ImageNames.parse(name));
        } catch (StoreException e) {
            return List.of();
        }
    }

    private static List<LoadedImage> fromDockerManifest(Store store, ArchiveContents contents) {
        byte[] json = contents.description("manifest.json").orElseThrow(() -> new TransportException(
                contents.archive() + " is neither a docker archive nor an OCI archive: it has no manifest.json or index.json"));
        List<LoadedImage> images = new ArrayList<>();
        for (DockerEntry entry : dockerEntries(json)) {
            images.add(LegacyDockerImage.store(store.blobs(), contents, entry));
        }
        return images;
    }

    static List<DockerEntry> dockerEntries(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (!root.isArray()) {
                throw new TransportException("manifest.json is not a JSON array; the archive is not a docker archive");
            }
            List<DockerEntry> entries = new ArrayList<>();
            for (JsonNode node : root) {
                entries.add(new DockerEntry(node.path("Config").asText(""), strings(node.path("RepoTags")),
                        strings(node.path("Layers"))));
            }
            return entries;
        } catch (IOException e) {
            throw new TransportException("manifest.json is not JSON: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** One entry of docker's manifest.json. */
    record DockerEntry(String config, List<String> repoTags, List<String> layers) {
    }

    /** Checks a decoded config is what it claims; used for configs read from archives. */
    static ImageConfig config(byte[] bytes, String what) {
        try {
            return ImageCodec.decodeConfig(bytes);
        } catch (RuntimeException e) {
            throw new TransportException(what + ": " + e.getMessage(), e);
        }
    }
}
