package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.DigestingOutputStream;
import dev.kiln.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Checks that layers uncompress to the diffIDs an image config lists. */
final class DiffIds {
    private DiffIds() {
    }

    static void verify(BlobStore blobs, List<Descriptor> layers, List<Digest> diffIds, String image) {
        if (layers.size() != diffIds.size()) {
            throw new TransportException(image + " has " + layers.size() + " layers but its config lists "
                    + diffIds.size() + " diffIDs; the image is corrupt");
        }
        for (int i = 0; i < layers.size(); i++) {
            Digest actual = of(blobs, layers.get(i));
            if (!actual.equals(diffIds.get(i))) {
                throw new TransportException(image + ": layer " + (i + 1) + " (" + layers.get(i).digest()
                        + ") uncompresses to " + actual + ", but the config says " + diffIds.get(i)
                        + "; the image is corrupt");
            }
        }
    }

    /** The digest of the layer's uncompressed tar. */
    static Digest of(BlobStore blobs, Descriptor layer) {
        if (layer.mediaType().compression() == dev.kiln.image.MediaType.Compression.NONE) {
            return layer.digest();
        }
        try (InputStream tar = CompressedFiles.openLayer(blobs, layer);
             var digesting = new DigestingOutputStream(OutputStream.nullOutputStream())) {
            tar.transferTo(digesting);
            return digesting.digest();
        } catch (IOException e) {
            throw new TransportException("cannot uncompress layer " + layer.digest() + ": " + e.getMessage(), e);
        }
    }
}
