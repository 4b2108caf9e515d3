package dev.kiln.snapshot;

import dev.kiln.KilnException;

/** Preparing, diffing or cleaning up a step's root filesystem failed. */
public class SnapshotException extends KilnException {
    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
