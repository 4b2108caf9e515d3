package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.Manifest;
import dev.kiln.store.BlobStore;
import java.util.List;

/**
 * One image manifest read from a blob store: its descriptor, decoded manifest and config, and the
 * config's exact bytes (whose digest is the image ID).
 */
public record StoredImage(Descriptor descriptor, Manifest manifest, ImageConfig config) {

    /** Reads the manifest {@code descriptor} points at and its config; both are verified against their digests. */
    public static StoredImage read(BlobStore blobs, Descriptor descriptor) {
        if (!descriptor.mediaType().isManifest()) {
            throw new TransportException("image " + descriptor.digest() + " is a " + descriptor.mediaType()
                    + ", not an image manifest; pick one platform's manifest from it");
        }
        Manifest manifest = ImageCodec.decodeManifest(blobs.readAll(descriptor.digest()));
        ImageConfig config = ImageCodec.decodeConfig(blobs.readAll(manifest.config().digest()));
        return new StoredImage(descriptor, manifest, config);
    }

    /** The image ID as docker shows it: the config's digest. */
    public Digest id() {
        return manifest.config().digest();
    }

    public List<Descriptor> layers() {
        return manifest.layers();
    }

    /** The compressed size of config and layers: what the image occupies in the store. */
    public long contentSize() {
        return descriptor.size() + manifest.config().size() + layers().stream().mapToLong(Descriptor::size).sum();
    }
}
