package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.Platform;
import dev.kiln.store.Store;

import java.util.ArrayList;

/** Finds the image a {@code FROM} names: in the local store (pulling comes with the registry client). */
final class BaseImages {
    private final Store store;

    BaseImages(Store store) {
        this.store = store;
    }

    /** A base image found: its state and the digest of the manifest it came from. */
    record Resolved(ImageState image, Digest manifest) {}

    Resolved resolve(String reference, Platform platform) {
        var descriptor = store.names().get(reference).orElseThrow(() -> new KilnException(
                "base image " + reference + " is not in the local store (" + store.root() + "); import it with "
                        + "'kiln import' or 'kiln load' (pulling from registries is not available yet)"));
        return load(descriptor, platform, reference);
    }

    Resolved load(Descriptor descriptor, Platform platform, String reference) {
        if (descriptor.mediaType().isIndex()) {
            var index = ImageCodec.decodeIndex(store.blobs().readAll(descriptor.digest()));
            var match = index.manifests().stream()
                    .filter(m -> m.platform() != null && m.platform().matches(platform))
                    .findFirst()
                    .orElseThrow(() -> new KilnException("base image " + reference + " has no variant for platform "
                            + platform + "; it has: " + index.manifests().stream()
                            .map(m -> String.valueOf(m.platform())).toList()));
            return load(match, platform, reference);
        }
        var manifest = ImageCodec.decodeManifest(store.blobs().readAll(descriptor.digest()));
        var config = ImageCodec.decodeConfig(store.blobs().readAll(manifest.config().digest()));
        var diffIds = config.rootfs().diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new KilnException("base image " + reference + " is inconsistent: " + manifest.layers().size()
                    + " layers but " + diffIds.size() + " diff IDs in its config");
        }
        var layers = new ArrayList<LayerRef>();
        for (int i = 0; i < diffIds.size(); i++) {
            layers.add(new LayerRef(manifest.layers().get(i), diffIds.get(i)));
        }
        return new Resolved(new ImageState(config, layers), descriptor.digest());
    }
}
