package dev.kiln.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Kiln's local store: an OCI image layout ({@code oci-layout}, {@code index.json},
 * {@code blobs/}) at {@code $KILN_HOME}, so skopeo, umoci and containerd read it as it is.
 * Kiln's own extras live beside it in {@code locks/} (and later {@code snapshots/}, {@code cache/}).
 */
public final class Store {
    static final String OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}";

    private final Path root;
    private final BlobStore blobs;
    private final ImageNames names;

    private Store(Path root, BlobStore blobs, ImageNames names) {
        this.root = root;
        this.blobs = blobs;
        this.names = names;
    }

    /** {@code $KILN_HOME}, else {@code $XDG_DATA_HOME/kiln}, else {@code ~/.local/share/kiln}. */
    public static Path defaultRoot() {
        return defaultRoot(System::getenv);
    }

    /** {@link #defaultRoot()} with the environment variables {@code environment} gives. */
    public static Path defaultRoot(Function<String, String> environment) {
        String home = environment.apply("KILN_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        String xdg = environment.apply("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "kiln");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "kiln");
    }

    public static Store openDefault() {
        return open(defaultRoot());
    }

    /** Opens (creating if needed) the store at {@code root}, and removes temp files left by writers that died. */
    public static Store open(Path given) {
        // absolute: runc and overlay mount options get paths under the store, resolved elsewhere
        Path root = given.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root.resolve("locks"));
            Path layout = root.resolve("oci-layout");
            if (!Files.exists(layout)) {
                AtomicFiles.write(layout, OCI_LAYOUT.getBytes(StandardCharsets.UTF_8));
            }
            BlobStore blobs = new BlobStore(root.resolve("blobs"));
            blobs.removeStaleTempFiles();
            ImageNames names = new ImageNames(root.resolve("index.json"), root.resolve("locks").resolve("index.lock"));
            names.createIfMissing();
            return new Store(root, blobs, names);
        } catch (IOException e) {
            throw new StoreException("cannot open the store at " + root + ": " + e.getMessage()
                    + " (set KILN_HOME to a writable folder)", e);
        }
    }

    public Path root() {
        return root;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public ImageNames names() {
        return names;
    }
}
