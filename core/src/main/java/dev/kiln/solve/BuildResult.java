package dev.kiln.solve;

import dev.kiln.image.Descriptor;

/** The final image of a build: its manifest in the store and its image state. */
public record BuildResult(Descriptor manifest, Descriptor config, ImageState image) {}
