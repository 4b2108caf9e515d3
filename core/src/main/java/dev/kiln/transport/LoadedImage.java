package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.store.ImageName;
import java.util.List;

/** An image {@link ArchiveLoader} put in the store: its manifest, image ID and names. */
public record LoadedImage(Descriptor target, Digest id, List<ImageName> names) {
    public LoadedImage {
        names = List.copyOf(names);
    }
}
