package dev.kiln.image.layer;

import com.github.luben.zstd.ZstdInputStream;
import dev.kiln.image.MediaType;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opens the uncompressed tar of a layer blob, by its media type's compression. */
public final class LayerStreams {
    private LayerStreams() {}

    public static InputStream uncompressed(InputStream blob, MediaType mediaType) throws IOException {
        var buffered = new BufferedInputStream(blob, 1 << 16);
        return switch (mediaType.compression()) {
            case NONE -> buffered;
            case GZIP -> new GZIPInputStream(buffered, 1 << 16);
            case ZSTD -> new ZstdInputStream(buffered);
        };
    }
}
