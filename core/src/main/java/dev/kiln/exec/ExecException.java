package dev.kiln.exec;

import dev.kiln.KilnException;

/** A step's process could not be started or supervised (not: it ran and exited non-zero). */
public class ExecException extends KilnException {
    public ExecException(String message) {
        super(message);
    }

    public ExecException(String message, Throwable cause) {
        super(message, cause);
    }
}
