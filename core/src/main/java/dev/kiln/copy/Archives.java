package dev.kiln.copy;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Recognises local tar archives by content, as BuildKit's ADD does: plain, gzip, bzip2, xz or zstd. */
final class Archives {
    private static final byte[] GZIP = {0x1f, (byte) 0x8b, 0x08};
    private static final byte[] BZIP2 = {'B', 'Z', 'h'};
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0x00};
    private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

    private Archives() {}

    /** True when the file is a tar (possibly compressed) with at least one readable entry. */
    static boolean isArchive(Path file) {
        try (TarArchiveInputStream tar = open(file)) {
            return tar.getNextEntry() != null;
        } catch (IOException | RuntimeException e) {
            return false; // not a tar, or not one we can read: ADD copies it as a file
        }
    }

    /** The tar stream of the file, decompressed by what its first bytes say. */
    static TarArchiveInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            raw.mark(8);
            byte[] head = raw.readNBytes(6);
            raw.reset();
            return new TarArchiveInputStream(decompressed(raw, head));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static InputStream decompressed(InputStream in, byte[] head) throws IOException {
        if (startsWith(head, GZIP)) {
            return new GzipCompressorInputStream(in, true);
        }
        if (startsWith(head, BZIP2)) {
            return new BZip2CompressorInputStream(in, true);
        }
        if (startsWith(head, XZ)) {
            return new XZCompressorInputStream(in, true);
        }
        if (startsWith(head, ZSTD)) {
            return new ZstdInputStream(in);
        }
        return in;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
