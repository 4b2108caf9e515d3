package dev.kiln.dockerfile.ignore;

import dev.kiln.KilnException;

/** A {@code .dockerignore} (or {@code COPY --exclude}) pattern that cannot be used (bad brackets, a bare {@code !}, a trailing backslash). */
public class IgnorePatternException extends KilnException {
    public IgnorePatternException(String message) {
        super(message);
    }
}
