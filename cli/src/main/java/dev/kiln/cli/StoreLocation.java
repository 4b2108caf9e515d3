package dev.kiln.cli;

import dev.kiln.store.Store;

import java.nio.file.Path;

/** Where the local store lives: {@code $KILN_HOME}, else the store's default; tests point it elsewhere. */
final class StoreLocation {
    private static volatile Path override;

    private StoreLocation() {}

    static Path root() {
        var path = override;
        return path != null ? path : Store.defaultRoot();
    }

    /** For tests: use {@code root} instead of the environment's store (null restores the default). */
    static void overrideForTests(Path root) {
        override = root;
    }
}
