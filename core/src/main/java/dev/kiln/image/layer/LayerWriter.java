package dev.kiln.image.layer;

import com.github.luben.zstd.ZstdOutputStream;
import dev.kiln.image.Descriptor;
import dev.kiln.image.DigestingOutputStream;
import dev.kiln.image.MediaType;
import dev.kiln.image.MediaType.Compression;
import dev.kiln.internal.io.CloseShieldOutputStream;
import dev.kiln.store.BlobInfo;
import dev.kiln.store.BlobStore;
import dev.kiln.store.BlobWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes a reproducible layer into the store in one streaming pass: tar → diffID hash →
 * compression → blob writer (which hashes the compressed bytes and renames the temp file into
 * place). Only file metadata is held in memory; content streams through.
 */
public final class LayerWriter {
    private static final int ZSTD_LEVEL = 3;

    private final BlobStore blobs;
    private final LayerOptions options;

    public LayerWriter(BlobStore blobs, LayerOptions options) {
        this.blobs = blobs;
        this.options = options;
    }

    public LayerBlob write(Collection<? extends LayerEntry> entries) {
        List<LayerEntry> ordered = LayerPlan.order(entries);
        try (BlobWriter blob = blobs.newWriter()) {
            OutputStream compressed = compressor(new CloseShieldOutputStream(blob));
            var tar = new DigestingOutputStream(compressed);
            new LayerTarWriter(options.mtimeEpochSeconds()).write(ordered, new BufferedOutputStream(tar, 64 * 1024));
            BlobInfo info = blob.commit();
            Descriptor descriptor = info.descriptor(MediaType.ociLayer(options.compression()));
            return new LayerBlob(descriptor, tar.digest(), tar.count());
        } catch (IOException e) {
            throw new LayerException("cannot write layer: " + e.getMessage(), e);
        }
    }

    /** A layer whose tar already exists (e.g. an uncompressed blob), compressed as the options say. */
    public LayerBlob compress(InputStream uncompressedTar) {
        try (BlobWriter blob = blobs.newWriter()) {
            var tar = new DigestingOutputStream(compressor(new CloseShieldOutputStream(blob)));
            try (tar) {
                uncompressedTar.transferTo(tar);
            }
            BlobInfo info = blob.commit();
            return new LayerBlob(info.descriptor(MediaType.ociLayer(options.compression())), tar.digest(), tar.count());
        } catch (IOException e) {
            throw new LayerException("cannot compress layer: " + e.getMessage(), e);
        }
    }

    /** The same writer, with another compression for the layers it writes. */
    public LayerWriter withCompression(Compression compression) {
        return new LayerWriter(blobs, options.withCompression(compression));
    }

    private OutputStream compressor(OutputStream out) throws IOException {
        Compression compression = options.compression();
        return switch (compression) {
            case NONE -> out;
            case GZIP -> new ParallelGzipOutputStream(out, Deflater.DEFAULT_COMPRESSION);
            case ZSTD -> new ZstdOutputStream(out, ZSTD_LEVEL);
        };
    }
}
