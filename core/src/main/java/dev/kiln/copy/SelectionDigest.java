package dev.kiln.copy;

import dev.kiln.image.Digest;
import dev.kiln.image.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The sha256 of what a COPY puts in its layer, for the build cache: per entry (in path order)
 * its type, path, mode, owner, xattrs, link target or device numbers, and a regular file's
 * size and content hash, the content streamed. Times never enter it.
 */
final class SelectionDigest {
    private SelectionDigest() {}

    static Digest of(List<? extends LayerEntry> entries) {
        MessageDigest total = Digest.Algorithm.SHA256.newMessageDigest();
        entries.stream().sorted(Comparator.comparing(LayerEntry::path)).forEach(entry -> {
            total.update(describe(entry).getBytes(StandardCharsets.UTF_8));
            total.update((byte) 0);
        });
        return Digest.fromHash(Digest.Algorithm.SHA256, total.digest());
    }

    private static String describe(LayerEntry entry) {
        var a = entry.attributes();
        StringBuilder line = new StringBuilder(entry.path()).append('\t')
                .append(Integer.toOctalString(a.mode())).append('\t').append(a.uid()).append(':').append(a.gid());
        a.xattrs().forEach((k, v) -> line.append('\t').append(k).append('=').append(HexFormat.of().formatHex(v)));
        line.append('\t').append(switch (entry) {
            case LayerEntry.RegularFile f -> "file " + f.content().size() + " " + contentHash(f);
            case LayerEntry.Directory d -> "dir";
            case LayerEntry.Symlink s -> "symlink " + s.target();
            case LayerEntry.Hardlink h -> "hardlink " + h.target();
            case LayerEntry.Device d -> d.kind() + " " + d.major() + "," + d.minor();
            case LayerEntry.Fifo f -> "fifo";
        });
        return line.toString();
    }

    private static String contentHash(LayerEntry.RegularFile file) {
        MessageDigest hash = Digest.Algorithm.SHA256.newMessageDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = file.content().open()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                hash.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new CopyException("cannot read " + file.path() + " to hash it: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(hash.digest());
    }
}
