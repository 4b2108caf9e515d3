package dev.kiln.image.layer;

import dev.kiln.KilnException;

/** A layer could not be written: a bad entry, a source that changed, or an I/O failure. */
public class LayerException extends KilnException {
    public LayerException(String message) {
        super(message);
    }

    public LayerException(String message, Throwable cause) {
        super(message, cause);
    }
}
