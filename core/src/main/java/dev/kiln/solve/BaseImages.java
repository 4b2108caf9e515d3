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
 * Each name is resolved once per build, however many stages use it, as BuildKit's step
 * {@code [internal] load metadata for docker.io/library/alpine:latest}; a failure is remembered too.
 */
final class BaseImages {
    private final Store store;
    private final Supplier<RegistryClient> registry;
    private final boolean alwaysPull;
    private final StepLog log;
    private final Map<String, Attempt> resolved = new ConcurrentHashMap<>();

    BaseImages(Store store, Supplier<RegistryClient> registry, boolean alwaysPull, StepLog log) {
        this.store = store;
        this.registry = registry;
        this.alwaysPull = alwaysPull;
        this.log = log;
    }

    /**
     * A base image found: its state, the digest of its platform's manifest, and the digest its name
     * resolved to (an index's, for a multi-platform image), which BuildKit shows in the FROM step.
     */
    record Resolved(ImageState image, Digest manifest, Digest resolved) {}

    private record Attempt(Resolved image, KilnException failure) {}

    Resolved resolve(String reference, Platform platform) {
        var parsed = ImageReference.parse(reference);
        var attempt = resolved.computeIfAbsent(parsed + "@" + platform, key -> attempt(parsed, platform));
        if (attempt.failure() != null) {
            throw attempt.failure();
        }
        return attempt.image();
    }

    private Attempt attempt(ImageReference reference, Platform platform) {
        var step = "[internal] load metadata for " + reference;
        log.started(StepLog.INTERNAL, step);
        try {
            var image = find(reference, platform);
            log.done(step);
            return new Attempt(image, null);
        } catch (KilnException e) {
            log.failed(step, e.getMessage());
            return new Attempt(null, e);
        }
    }

    private Resolved find(ImageReference reference, Platform platform) {
        var name = reference.toString();
        if (!alwaysPull) {
            var local = store.names().get(name);
            if (local.isPresent()) {
                return load(local.get(), platform, name, local.get().digest());
            }
        }
        var pulled = registry.get().pull(reference, platform);
        var descriptor = store.names().get(name).orElseThrow(() -> new KilnException(
                "pulled " + name + " but the store does not name it"));
        return descriptor.digest().equals(pulled.manifestDigest())
                ? load(descriptor, platform, name, descriptor.digest())
                : load(Descriptor.of(pulled.manifest().mediaType(), pulled.manifestDigest(),
                        store.blobs().size(pulled.manifestDigest())), platform, name, descriptor.digest());
    }

    private Resolved load(Descriptor descriptor, Platform platform, String reference, Digest resolvedTo) {
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
        return new Resolved(new ImageState(image.config(), layers), image.descriptor().digest(), resolvedTo);
    }
}
