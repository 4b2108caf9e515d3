package dev.kiln.solve;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;

/** One layer of an image: its blob in the store and the digest of its uncompressed tar. */
public record LayerRef(Descriptor blob, Digest diffId) {}
