package dev.kiln.image.layer;

import com.github.luben.zstd.ZstdInputStream;
import dev.kiln.image.MediaType;
import dev.kiln.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Test helper: the uncompressed tar of a layer blob. */
final class LayerBlobs {
    static InputStream openTar(BlobStore blobs, LayerBlob layer) throws IOException {
        InputStream raw = blobs.open(layer.descriptor().digest());
        return switch (layer.descriptor().mediaType().compression()) {
            case NONE -> raw;
            case GZIP -> new GZIPInputStream(raw);
            case ZSTD -> new ZstdInputStream(raw);
        };
    }

    static MediaType.Compression[] all() {
        return MediaType.Compression.values();
    }

    private LayerBlobs() {
    }
}
