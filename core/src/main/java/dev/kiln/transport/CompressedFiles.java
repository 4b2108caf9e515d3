package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.layer.LayerStreams;
import dev.kiln.store.BlobStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** Opens tar streams: a stored layer by its media type, or any file by its magic bytes. */
public final class CompressedFiles {
    private CompressedFiles() {
    }

    /** The uncompressed tar of a stored layer, its compressed bytes verified against the digest. */
    public static InputStream openLayer(BlobStore blobs, Descriptor layer) throws IOException {
        return LayerStreams.uncompressed(blobs.openVerified(layer.digest()), layer.mediaType());
    }

    /** What compression {@code in} starts with, judged by its first bytes; {@code in} must support mark. */
    public static Compression sniff(InputStream in) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Compression.GZIP;
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5
                && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
            return Compression.ZSTD;
        }
        if (head.length >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return Compression.BZIP2;
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X') {
            return Compression.XZ;
        }
        return Compression.NONE;
    }

    /** {@code in} decompressed by what its first bytes say it is (tar files pass through). */
    public static InputStream decompressed(InputStream in, String what) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        return switch (sniff(buffered)) {
            case NONE -> buffered;
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(buffered).setDecompressConcatenated(true).get();
            case ZSTD -> new ZstdCompressorInputStream(buffered);
            case BZIP2 -> new BZip2CompressorInputStream(buffered, true);
            case XZ -> throw new TransportException(what + " is xz-compressed, which kiln cannot read; "
                    + "decompress it first (xz -d) or use gzip");
        };
    }

    /** Compressions recognised in files given to kiln. */
    public enum Compression { NONE, GZIP, ZSTD, BZIP2, XZ }
}
