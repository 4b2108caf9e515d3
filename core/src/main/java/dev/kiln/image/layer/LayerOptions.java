package dev.kiln.image.layer;

import dev.kiln.image.MediaType.Compression;
import java.util.Objects;

/** How a layer is written: its compression and the one modification time every entry gets. */
public record LayerOptions(Compression compression, long mtimeEpochSeconds) {
    public LayerOptions {
        Objects.requireNonNull(compression, "compression");
        if (mtimeEpochSeconds < 0) {
            throw new LayerException("SOURCE_DATE_EPOCH must not be negative, got " + mtimeEpochSeconds);
        }
    }

    /** gzip, with mtime from {@code SOURCE_DATE_EPOCH} (or 0). */
    public static LayerOptions defaults() {
        return new LayerOptions(Compression.GZIP, sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH")));
    }

    public LayerOptions withCompression(Compression newCompression) {
        return new LayerOptions(newCompression, mtimeEpochSeconds);
    }

    /** Parses a {@code SOURCE_DATE_EPOCH} value; unset or empty means 0. */
    public static long sourceDateEpoch(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new LayerException("SOURCE_DATE_EPOCH='" + value + "' is not a whole number of seconds since 1970");
        }
    }
}
