package dev.kiln.image.layer;

import dev.kiln.KilnException;

/** A layer that could not be extracted: unsafe, malformed, or the file system refused a write. */
public final class ExtractionException extends KilnException {
    private ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The layer is unsafe or malformed at {@code entry}; {@code why} completes "rejected: ...". */
    static ExtractionException rejected(String entry, String why) {
        return new ExtractionException("unsafe or malformed layer: entry \"" + entry + "\" rejected: " + why, null);
    }

    /** The tar stream itself is broken (truncated, bad header). */
    static ExtractionException unreadable(Throwable cause) {
        return new ExtractionException("cannot read layer tar: " + cause.getMessage(), cause);
    }

    /** The file system failed while writing {@code entry}. */
    static ExtractionException failed(String entry, Throwable cause) {
        return new ExtractionException("cannot extract layer entry \"" + entry + "\": " + cause.getMessage(), cause);
    }
}
