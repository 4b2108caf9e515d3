package dev.kiln.store;

import dev.kiln.KilnException;
import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Index;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Image names, kept as annotated descriptors in the layout's {@code index.json}: the short name
 * as {@code org.opencontainers.image.ref.name} (what skopeo's {@code oci:dir:name} looks up) and
 * the full name as {@code io.containerd.image.name} (what containerd imports). Every change
 * happens under the store's index lock and rewrites index.json atomically.
 */
public final class ImageNames {
    public static final String OCI_REF_NAME = "org.opencontainers.image.ref.name";
    public static final String CONTAINERD_NAME = "io.containerd.image.name";

    private final Path indexFile;
    private final Path lockFile;

    ImageNames(Path indexFile, Path lockFile) {
        this.indexFile = indexFile;
        this.lockFile = lockFile;
    }

    /** Parses a name the store keeps; an invalid one is a {@link StoreException}. */
    public static ImageReference parse(String name) {
        try {
            return ImageReference.parse(name);
        } catch (KilnException e) {
            throw new StoreException("invalid image name: " + e.getMessage(), e);
        }
    }

    /** Points {@code name} at {@code target} (a manifest or index already in the store), replacing any old target. */
    public void put(String name, Descriptor target) {
        ImageReference parsed = parse(name);
        var annotations = new HashMap<>(target.annotations());
        annotations.put(OCI_REF_NAME, parsed.familiar());
        annotations.put(CONTAINERD_NAME, parsed.toString());
        Descriptor named = target.withAnnotations(annotations);
        update(manifests -> {
            List<Descriptor> kept = new ArrayList<>(manifests.stream().filter(d -> !names(d, parsed)).toList());
            kept.add(named);
            return kept;
        });
    }

    public Optional<Descriptor> get(String name) {
        ImageReference parsed = parse(name);
        return read().manifests().stream().filter(d -> names(d, parsed)).findFirst();
    }

    /** All named images, in index.json order. */
    public List<NamedImage> list() {
        List<NamedImage> named = new ArrayList<>();
        for (Descriptor d : read().manifests()) {
            nameOf(d).ifPresent(n -> named.add(new NamedImage(n, d)));
        }
        return named;
    }

    /** Removes the name; the blobs stay until garbage collection. Returns false when it was not there. */
    public boolean remove(String name) {
        ImageReference parsed = parse(name);
        boolean[] removed = {false};
        update(manifests -> {
            List<Descriptor> kept = manifests.stream().filter(d -> !names(d, parsed)).toList();
            removed[0] = kept.size() != manifests.size();
            return kept;
        });
        return removed[0];
    }

    /** The layout's index as stored now. */
    public Index read() {
        try {
            return ImageCodec.decodeIndex(Files.readAllBytes(indexFile));
        } catch (NoSuchFileException e) {
            return Index.oci(List.of());
        } catch (IOException e) {
            throw new StoreException("cannot read " + indexFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates an empty index.json if there is none, and removes temp copies of it left by a killed
     * writer. A store with its index and no such leftovers (the usual case) is not locked or read.
     */
    void createIfMissing() {
        if (Files.exists(indexFile) && tempCopies().isEmpty()) {
            return;
        }
        try (StoreLock _ = StoreLock.acquire(lockFile)) {
            for (Path temp : tempCopies()) { // under the lock, no live writer owns one
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new StoreException("cannot clean " + indexFile.getParent() + ": " + e.getMessage(), e);
        }
        update(UnaryOperator.identity());
    }

    private List<Path> tempCopies() {
        String prefix = AtomicFiles.TEMP_PREFIX + indexFile.getFileName() + "-";
        try (var temps = Files.newDirectoryStream(indexFile.getParent(),
                path -> path.getFileName().toString().startsWith(prefix))) {
            var found = new ArrayList<Path>();
            temps.forEach(found::add);
            return found;
        } catch (IOException e) {
            throw new StoreException("cannot list " + indexFile.getParent() + ": " + e.getMessage(), e);
        }
    }

    private void update(UnaryOperator<List<Descriptor>> change) {
        try (StoreLock _ = StoreLock.acquire(lockFile)) {
            Index current = read();
            Index next = current.withManifests(change.apply(current.manifests()));
            if (!next.equals(current) || !Files.exists(indexFile)) {
                AtomicFiles.write(indexFile, ImageCodec.encode(next));
            }
        } catch (IOException e) {
            throw new StoreException("cannot update " + indexFile + ": " + e.getMessage(), e);
        }
    }

    private static boolean names(Descriptor d, ImageReference name) {
        return nameOf(d).map(name::equals).orElse(false);
    }

    /** The name a descriptor carries: containerd's full name, else the OCI ref name (which other tools may write). */
    private static Optional<ImageReference> nameOf(Descriptor d) {
        String full = d.annotation(CONTAINERD_NAME);
        String ref = full != null ? full : d.annotation(OCI_REF_NAME);
        if (ref == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(ref));
        } catch (StoreException e) {
            return Optional.empty(); // a ref name that is not an image name (e.g. a bare tag written by another tool)
        }
    }
}
