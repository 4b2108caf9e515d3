package dev.kiln.store;

import dev.kiln.KilnException;

/** The local store could not be read or written, or holds something it should not. */
public class StoreException extends KilnException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
