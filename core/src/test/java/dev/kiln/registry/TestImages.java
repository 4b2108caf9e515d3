package dev.kiln.registry;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.Index;
import dev.kiln.image.Manifest;
import dev.kiln.image.MediaType;
import dev.kiln.image.Platform;
import dev.kiln.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Writes small images (random layers, a config, a manifest) into a store with the store API. */
final class TestImages {
    private TestImages() {
    }

    /** An image for {@code platform} with layers of the given sizes; seeded so content differs per call. */
    static Descriptor image(Store store, Platform platform, long seed, int... layerSizes) {
        Random random = new Random(seed);
        List<Descriptor> layers = new ArrayList<>();
        ImageConfig config = ImageConfig.empty(platform);
        for (int size : layerSizes) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Descriptor layer = store.blobs().write(bytes).descriptor(MediaType.OCI_LAYER);
            layers.add(layer);
            config = config.withLayer(layer.digest(), new ImageConfig.History(null, "test layer", "", "", false));
        }
        byte[] configBytes = ImageCodec.encode(config);
        Descriptor configDescriptor = store.blobs().write(configBytes).descriptor(MediaType.OCI_CONFIG);
        byte[] manifest = ImageCodec.encode(Manifest.oci(configDescriptor, layers));
        return store.blobs().write(manifest).descriptor(MediaType.OCI_MANIFEST).withPlatform(platform);
    }

    static Descriptor index(Store store, List<Descriptor> manifests) {
        byte[] bytes = ImageCodec.encode(Index.oci(manifests));
        return store.blobs().write(bytes).descriptor(MediaType.OCI_INDEX);
    }

    static Manifest manifest(Store store, Descriptor descriptor) {
        return ImageCodec.decodeManifest(store.blobs().readAll(descriptor.digest()));
    }

    /** The manifest's layers and config, largest layer first. */
    static List<Digest> blobs(Store store, Descriptor descriptor) {
        Manifest m = manifest(store, descriptor);
        List<Digest> all = new ArrayList<>(m.layers().stream().map(Descriptor::digest).toList());
        all.add(m.config().digest());
        return all;
    }
}
