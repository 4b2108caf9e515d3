package dev.kiln;

/**
 * The root of every error Kiln reports to a user. Its message is the one clear paragraph the
 * CLI prints; anything else escaping is a bug (and shows a stack trace).
 */
public class KilnException extends RuntimeException {
    public KilnException(String message) {
        super(message);
    }

    public KilnException(String message, Throwable cause) {
        super(message, cause);
    }
}
