package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageReference;
import java.util.List;
import java.util.Objects;

/** One image to put in an archive: its manifest (or index) in the store and the names it gets there. */
public record ArchiveImage(Descriptor target, List<ImageReference> names) {
    public ArchiveImage {
        Objects.requireNonNull(target, "target");
        names = List.copyOf(names);
    }
}
