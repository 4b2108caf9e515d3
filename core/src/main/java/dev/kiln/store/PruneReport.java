package dev.kiln.store;

import dev.kiln.image.Digest;
import java.util.List;

/** What {@link GarbageCollector#prune} removed: the blobs and the bytes they took. */
public record PruneReport(List<Digest> removed, long reclaimedBytes) {
    public PruneReport {
        removed = List.copyOf(removed);
    }
}
