package dev.kiln.store;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.MediaType;

/** A stored blob's digest and size. */
public record BlobInfo(Digest digest, long size) {
    public Descriptor descriptor(MediaType mediaType) {
        return Descriptor.of(mediaType, digest, size);
    }
}
