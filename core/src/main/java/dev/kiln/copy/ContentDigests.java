package dev.kiln.copy;

import dev.kiln.image.layer.ContentSource;

/** How a selection digest gets the sha256 (lower-case hex) of one file's bytes. */
public interface ContentDigests {
    String sha256(ContentSource content);

    /** Reads and hashes the bytes every time. */
    ContentDigests STREAMED = ContentHash::of;
}
