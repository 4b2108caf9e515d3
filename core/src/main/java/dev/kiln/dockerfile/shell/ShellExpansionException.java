package dev.kiln.dockerfile.shell;

import dev.kiln.KilnException;

/** A word that cannot be expanded (bad substitution, unterminated quote, {@code ${a:?msg}}). */
public class ShellExpansionException extends KilnException {
    public ShellExpansionException(String message) {
        super(message);
    }
}
