package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.Index;
import dev.kiln.image.Manifest;
import dev.kiln.image.Platform;
import dev.kiln.store.BlobStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The blobs an image (manifest or index) is made of, found by walking its descriptors. */
public final class ImageGraph {
    private ImageGraph() {
    }

    /**
     * Every blob reachable from {@code root}, each once, parents before children: indexes, their
     * manifests, configs and layers. A layer that is missing from the store fails the walk, unless it
     * is a foreign layer (which registries serve from elsewhere).
     */
    public static List<Descriptor> blobs(BlobStore blobs, Descriptor root) {
        Map<Digest, Descriptor> seen = new LinkedHashMap<>();
        walk(blobs, root, seen);
        return List.copyOf(seen.values());
    }

    private static void walk(BlobStore blobs, Descriptor d, Map<Digest, Descriptor> seen) {
        if (seen.putIfAbsent(d.digest(), d) != null) {
            return;
        }
        if (!blobs.has(d.digest())) {
            if (d.mediaType().isForeignLayer()) {
                seen.remove(d.digest());
                return;
            }
            throw new TransportException("blob " + d.digest() + " (" + d.mediaType() + ") of the image is missing "
                    + "from the store; pull or build the image again");
        }
        if (d.mediaType().isIndex()) {
            Index index = ImageCodec.decodeIndex(blobs.readAll(d.digest()));
            index.manifests().forEach(child -> walk(blobs, child, seen));
        } else if (d.mediaType().isManifest()) {
            Manifest manifest = ImageCodec.decodeManifest(blobs.readAll(d.digest()));
            walk(blobs, manifest.config(), seen);
            manifest.layers().forEach(layer -> walk(blobs, layer, seen));
        }
    }

    /** {@code target} itself when it is a manifest; for an index, its manifest for {@code platform}. */
    public static Descriptor manifestFor(BlobStore blobs, Descriptor target, Platform platform) {
        if (!target.mediaType().isIndex()) {
            return target;
        }
        Index index = ImageCodec.decodeIndex(blobs.readAll(target.digest()));
        List<Descriptor> candidates = new ArrayList<>();
        for (Descriptor m : index.manifests()) {
            if (m.platform() != null && m.platform().matches(platform)) {
                candidates.add(m);
            }
        }
        if (candidates.isEmpty()) {
            throw new TransportException("image index " + target.digest() + " has no manifest for " + platform);
        }
        return manifestFor(blobs, candidates.getFirst(), platform);
    }
}
