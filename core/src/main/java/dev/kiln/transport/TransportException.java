package dev.kiln.transport;

import dev.kiln.KilnException;

/** An image could not be exported, imported or loaded; the message says what and how to fix it. */
public class TransportException extends KilnException {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
