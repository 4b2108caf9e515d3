package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Platform;
import dev.kiln.registry.RegistryClient;
import dev.kiln.store.Store;
import dev.kiln.transport.ImageGraph;
import dev.kiln.transport.StoredImage;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds the image a {@code FROM} or {@code COPY --from} names: in the local store, or pulled from
 * its registry (through the configured mirrors) when the store lacks it or {@code --pull} asks.
 * Each name is resolved once per build, however many stages use it.
 */
final class BaseImages {
    private final Store store;
    private final Supplier<RegistryClient> registry;
    private final boolean alwaysPull;
    private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();

    BaseImages(Store store, Supplier<RegistryClient> registry, boolean alwaysPull) {
        this.store = store;
        this.registry = registry;
        this.alwaysPull = alwaysPull;
    }

    /** A base image found: its state and the digest of the manifest it came from. */
    record Resolved(ImageState image, Digest manifest) {}

    Resolved resolve(String reference, Platform platform) {
        var parsed = ImageReference.parse(reference);
        var name = parsed.toString();
        return resolved.computeIfAbsent(name + "@" + platform, key -> find(parsed, platform));
    }

    private Resolved find(ImageReference reference, Platform platform) {
        var name = reference.toString();
        if (!alwaysPull) {
            var local = store.names().get(name);
            if (local.isPresent()) {
                return load(local.get(), platform, name);
            }
        }
        var pulled = registry.get().pull(reference, platform);
        var descriptor = store.names().get(name).orElseThrow(() -> new KilnException(
                "pulled " + name + " but the store does not name it"));
        return descriptor.digest().equals(pulled.manifestDigest())
                ? load(descriptor, platform, name)
                : load(Descriptor.of(pulled.manifest().mediaType(), pulled.manifestDigest(),
                        store.blobs().size(pulled.manifestDigest())), platform, name);
    }

    Resolved load(Descriptor descriptor, Platform platform, String reference) {
        var image = StoredImage.read(store.blobs(), ImageGraph.manifestFor(store.blobs(), descriptor, platform));
        var diffIds = image.config().rootfs().diffIds();
        if (diffIds.size() != image.layers().size()) {
            throw new KilnException("base image " + reference + " is inconsistent: " + image.layers().size()
                    + " layers but " + diffIds.size() + " diff IDs in its config");
        }
        var layers = new ArrayList<LayerRef>();
        for (int i = 0; i < diffIds.size(); i++) {
            layers.add(new LayerRef(image.layers().get(i), diffIds.get(i)));
        }
        return new Resolved(new ImageState(image.config(), layers), image.descriptor().digest());
    }
}
