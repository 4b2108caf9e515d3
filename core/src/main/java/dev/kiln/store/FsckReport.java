package dev.kiln.store;

import java.nio.file.Path;
import java.util.List;

/** The result of re-hashing every blob: how many were checked and which are corrupt. */
public record FsckReport(int checked, List<Path> badBlobs) {
    public FsckReport {
        badBlobs = List.copyOf(badBlobs);
    }

    public boolean ok() {
        return badBlobs.isEmpty();
    }
}
