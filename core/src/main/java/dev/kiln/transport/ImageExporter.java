package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.store.Store;
import java.util.List;

/** Writes an image that is in the local store to one output. Make one with {@link Exporters#forSpec}. */
public interface ImageExporter {
    /**
     * Exports the image whose manifest (or index) {@code target} names; its blobs must be in
     * {@code store}. {@code names} are image names such as {@code app:1.0} (ignored by file outputs).
     */
    ExportResult export(Store store, Descriptor target, List<String> names);
}
