package dev.kiln.image.layer;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;

/**
 * A layer written into the store: the descriptor of its (possibly compressed) blob, and the
 * diffID and size of the uncompressed tar (the diffID goes into the config's rootfs).
 */
public record LayerBlob(Descriptor descriptor, Digest diffId, long uncompressedSize) {
}
