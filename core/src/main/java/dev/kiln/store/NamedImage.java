package dev.kiln.store;

import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageReference;

/** An image name in the store and the manifest (or index) descriptor it points to. */
public record NamedImage(ImageReference name, Descriptor target) {
}
