package dev.kiln.copy;

import dev.kiln.dockerfile.instructions.Chmod;
import java.util.Optional;

/** What {@code --chmod} does to copied entries and to the directories a copy creates. */
record ModeRule(Optional<Chmod> chmod) {
    private static final int DEFAULT_DIRECTORY_MODE = 0755;

    /** The mode a copied file or directory ends with (symlinks keep theirs). */
    int apply(int mode, boolean directory) {
        return chmod.map(c -> c.applyTo(mode, directory)).orElse(mode);
    }

    /**
     * Mode of a directory the copy creates on the way (a missing destination or parent):
     * 0755, or an octal {@code --chmod}'s permission bits (fsutil's MkdirAll takes them; a
     * symbolic one leaves 0755).
     */
    int createdDirectoryMode() {
        return chmod.filter(Chmod::isOctal).map(c -> c.applyTo(0, true) & 0777).orElse(DEFAULT_DIRECTORY_MODE);
    }
}
