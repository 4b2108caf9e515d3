package dev.kiln.internal.paths;

import dev.kiln.KilnException;

/** A path inside a root could not be resolved: it leaves the root where that is refused, or loops. */
public class RootedPathException extends KilnException {
    public RootedPathException(String message) {
        super(message);
    }

    public RootedPathException(String message, Throwable cause) {
        super(message, cause);
    }
}
