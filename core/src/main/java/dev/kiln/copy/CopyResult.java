package dev.kiln.copy;

import dev.kiln.image.layer.LayerEntry;
import java.util.List;

/**
 * The entries of one COPY/ADD layer. Some contents live in temporary files (downloads,
 * heredocs, unpacked archives): close the result once the layer is written.
 */
public final class CopyResult implements AutoCloseable {
    private final List<LayerEntry> entries;
    private final ScratchFiles scratch;

    CopyResult(List<LayerEntry> entries, ScratchFiles scratch) {
        this.entries = List.copyOf(entries);
        this.scratch = scratch;
    }

    public List<LayerEntry> entries() {
        return entries;
    }

    /** Deletes the temporary files the entries' contents may come from. */
    @Override
    public void close() {
        scratch.close();
    }
}
