package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Platform;
import dev.kiln.image.layer.ExtractionOptions;
import dev.kiln.image.layer.LayerExtractor;
import dev.kiln.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an image's file system into a folder: its layers applied bottom first, whiteouts deleting. */
final class RootfsWriter {
    private RootfsWriter() {
    }

    static void apply(BlobStore blobs, Descriptor target, Path dest) {
        Descriptor manifest = ImageGraph.manifestFor(blobs, target, Platform.current());
        StoredImage image = StoredImage.read(blobs, manifest);
        var extractor = new LayerExtractor(ExtractionOptions.flatten().withOwnership(runningAsRoot()));
        try {
            Files.createDirectories(dest);
            for (Descriptor layer : image.layers()) {
                try (InputStream tar = CompressedFiles.openLayer(blobs, layer)) {
                    extractor.extract(tar, dest);
                }
            }
        } catch (IOException e) {
            throw new TransportException("cannot write the image's files to " + dest + ": " + e.getMessage(), e);
        }
    }

    /** Owners can be set only by root; others get files owned by themselves, as with tar. */
    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
