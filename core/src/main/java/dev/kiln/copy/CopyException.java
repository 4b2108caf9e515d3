package dev.kiln.copy;

import dev.kiln.KilnException;

/**
 * A COPY or ADD cannot be carried out: a missing source, a path leaving its root, an unknown
 * owner, a failed download. {@link CopyOperation} turns it into an
 * {@link dev.kiln.dockerfile.instructions.InstructionException} carrying the instruction's range.
 */
public class CopyException extends KilnException {
    public CopyException(String message) {
        super(message);
    }

    public CopyException(String message, Throwable cause) {
        super(message, cause);
    }
}
