package dev.kiln.image.layer;

import java.util.Objects;

/**
 * How {@link LayerExtractor} writes a layer.
 *
 * @param whiteouts         what {@code .wh.} entries become
 * @param preserveOwnership lchown every entry to the header's uid/gid (needs root)
 * @param applyXattrs       set PAX {@code SCHILY.xattr.*} attributes where the file system allows
 */
public record ExtractionOptions(WhiteoutMode whiteouts, boolean preserveOwnership, boolean applyXattrs) {
    public ExtractionOptions {
        Objects.requireNonNull(whiteouts, "whiteouts");
    }

    /** Apply layers one over another in one directory: whiteouts delete. */
    public static ExtractionOptions flatten() {
        return new ExtractionOptions(WhiteoutMode.DELETE, true, true);
    }

    /** Unpack one layer into its own snapshot directory, to serve as an overlay lowerdir. */
    public static ExtractionOptions overlaySnapshot() {
        return new ExtractionOptions(WhiteoutMode.OVERLAY, true, true);
    }

    public ExtractionOptions withOwnership(boolean preserve) {
        return new ExtractionOptions(whiteouts, preserve, applyXattrs);
    }

    /** What an OCI whiteout entry turns into on disk. */
    public enum WhiteoutMode {
        /** {@code .wh.name} deletes {@code name}; {@code .wh..wh..opq} empties its directory of lower content. */
        DELETE,
        /** Overlayfs form: a 0/0 character device, and {@code trusted.overlay.opaque=y} on opaque directories. */
        OVERLAY
    }
}
