package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageReference;
import java.util.List;

/** An image {@link ArchiveLoader} put in the store: its manifest, image ID and names. */
public record LoadedImage(Descriptor target, Digest id, List<ImageReference> names) {
    public LoadedImage {
        names = List.copyOf(names);
    }
}
