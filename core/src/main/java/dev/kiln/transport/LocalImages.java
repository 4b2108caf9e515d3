package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Platform;
import dev.kiln.store.NamedImage;
import dev.kiln.store.Store;
import dev.kiln.store.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds images in the local store as docker does: by name ({@code app}, {@code app:1.0}) or by image ID prefix. */
public final class LocalImages {
    private LocalImages() {
    }

    /** The image {@code reference} names; a clear error when there is none or the ID prefix is ambiguous. */
    public static Descriptor resolve(Store store, String reference) {
        Optional<Descriptor> byName = byName(store, reference);
        if (byName.isPresent()) {
            return byName.get();
        }
        String prefix = reference.startsWith("sha256:") ? reference.substring(7) : reference;
        if (!prefix.matches("[0-9a-f]{1,64}")) {
            throw new TransportException("no such image: " + reference + " (kiln images lists the images in the store)");
        }
        Set<Digest> ids = new LinkedHashSet<>();
        Descriptor found = null;
        for (NamedImage image : store.names().list()) {
            Digest id = imageId(store, image.target());
            if (id.encoded().startsWith(prefix) || image.target().digest().encoded().startsWith(prefix)) {
                ids.add(id);
                found = ExportName.unnamed(image.target());
            }
        }
        if (ids.size() > 1) {
            throw new TransportException("image ID prefix " + reference + " is ambiguous: it matches " + ids.size()
                    + " images; give more digits");
        }
        if (found == null) {
            throw new TransportException("no such image: " + reference + " (kiln images lists the images in the store)");
        }
        return found;
    }

    /** The names in the store that point at the same manifest as {@code target}. */
    public static List<ImageReference> namesOf(Store store, Descriptor target) {
        List<ImageReference> names = new ArrayList<>();
        for (NamedImage image : store.names().list()) {
            if (image.target().digest().equals(target.digest())) {
                names.add(image.name());
            }
        }
        return names;
    }

    /** Docker's image ID: the config digest of the image (of this machine's platform, for an index). */
    public static Digest imageId(Store store, Descriptor target) {
        Descriptor manifest = ImageGraph.manifestFor(store.blobs(), target, Platform.current());
        return StoredImage.read(store.blobs(), manifest).id();
    }

    private static Optional<Descriptor> byName(Store store, String reference) {
        try {
            return store.names().get(reference).map(ExportName::unnamed);
        } catch (StoreException e) {
            return Optional.empty(); // not a valid name; maybe an ID
        }
    }
}
