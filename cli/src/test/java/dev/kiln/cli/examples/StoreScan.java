package dev.kiln.cli.examples;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Searches every file Kiln keeps under a store folder (blobs of every layer, config and manifest, the
 * build cache, unpacked layers) for a byte string; compressed blobs are searched decompressed.
 */
final class StoreScan {
    private StoreScan() {}

    /** The files under {@code home} whose content, decompressed when gzip or zstd, contains {@code needle}. */
    static List<Path> filesContaining(Path home, byte[] needle) {
        var found = new ArrayList<Path>();
        try (Stream<Path> walk = Files.walk(home)) {
            for (var file : walk.filter(Files::isRegularFile).toList()) {
                if (contains(file, needle)) found.add(home.relativize(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean contains(Path file, byte[] needle) throws IOException {
        try (var in = decompressed(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return contains(in, needle);
        }
    }

    private static InputStream decompressed(BufferedInputStream in) throws IOException {
        in.mark(4);
        var magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (magic.length == 4 && Arrays.equals(magic, new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd})) {
            return new ZstdInputStream(in);
        }
        return in;
    }

    /** Reads in chunks, keeping the last needle.length - 1 bytes so a match across chunks is found. */
    private static boolean contains(InputStream in, byte[] needle) throws IOException {
        var buffer = new byte[(1 << 16) + needle.length];
        int kept = 0;
        int read;
        while ((read = in.read(buffer, kept, buffer.length - kept)) > 0) {
            int filled = kept + read;
            if (indexOf(buffer, filled, needle) >= 0) return true;
            kept = Math.min(needle.length - 1, filled);
            System.arraycopy(buffer, filled - kept, buffer, 0, kept);
        }
        return false;
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
