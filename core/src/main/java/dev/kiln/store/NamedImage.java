package dev.kiln.store;

import dev.kiln.image.Descriptor;

/** An image name in the store and the manifest (or index) descriptor it points to. */
public record NamedImage(ImageName name, Descriptor target) {
}
