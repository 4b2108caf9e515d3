package dev.kiln.registry;

import dev.kiln.image.Digest;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.Manifest;
import dev.kiln.image.Platform;

/** A pulled image: what was asked for, the platform manifest chosen and its config (all now in the store). */
public record PulledImage(RemoteRef reference, Digest manifestDigest, Manifest manifest, ImageConfig config,
                          Platform platform) {
}
