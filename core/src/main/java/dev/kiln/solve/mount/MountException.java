package dev.kiln.solve.mount;

import dev.kiln.KilnException;

/** A {@code RUN --mount} cannot be prepared: a missing secret, a source outside its root, an unusable cache. */
public class MountException extends KilnException {
    public MountException(String message) {
        super(message);
    }

    public MountException(String message, Throwable cause) {
        super(message, cause);
    }
}
