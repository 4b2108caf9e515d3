package dev.kiln.image;

import dev.kiln.KilnException;

/** A digest, platform, manifest, index or config that is not well formed. */
public class ImageFormatException extends KilnException {
    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
