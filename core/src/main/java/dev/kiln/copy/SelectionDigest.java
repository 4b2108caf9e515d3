package dev.kiln.copy;

import dev.kiln.image.Digest;
import dev.kiln.image.layer.LayerEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sha256 of what a COPY puts in its layer, for the build cache: per entry (in path order)
 * its type, path, mode, owner, xattrs, link target or device numbers, and a regular file's
 * size and content hash, the content streamed. Times never enter it.
 */
final class SelectionDigest {
    private SelectionDigest() {}

    static Digest of(List<? extends LayerEntry> entries, ContentDigests digests) {
        var sorted = entries.stream().sorted(Comparator.comparing(LayerEntry::path)).toList();
        var contentHashes = hashFiles(sorted, digests);
        MessageDigest total = Digest.Algorithm.SHA256.newMessageDigest();
        for (var entry : sorted) {
            total.update(describe(entry, contentHashes).getBytes(StandardCharsets.UTF_8));
            total.update((byte) 0);
        }
        return Digest.fromHash(Digest.Algorithm.SHA256, total.digest());
    }

    /** Hashes the regular files' contents, several at once (hashing is the cold build's main cost). */
    private static Map<String, String> hashFiles(List<? extends LayerEntry> entries, ContentDigests digests) {
        var files = entries.stream().filter(e -> e instanceof LayerEntry.RegularFile)
                .map(e -> (LayerEntry.RegularFile) e).toList();
        var hashes = new ConcurrentHashMap<String, String>();
        files.parallelStream().forEach(f -> hashes.put(f.path(), digests.sha256(f.content())));
        return hashes;
    }

    private static String describe(LayerEntry entry, Map<String, String> contentHashes) {
        var a = entry.attributes();
        StringBuilder line = new StringBuilder(entry.path()).append('\t')
                .append(Integer.toOctalString(a.mode())).append('\t').append(a.uid()).append(':').append(a.gid());
        a.xattrs().forEach((k, v) -> line.append('\t').append(k).append('=').append(HexFormat.of().formatHex(v)));
        line.append('\t').append(switch (entry) {
            case LayerEntry.RegularFile f -> "file " + f.content().size() + " " + contentHashes.get(f.path());
            case LayerEntry.Directory d -> "dir";
            case LayerEntry.Symlink s -> "symlink " + s.target();
            case LayerEntry.Hardlink h -> "hardlink " + h.target();
            case LayerEntry.Device d -> d.kind() + " " + d.major() + "," + d.minor();
            case LayerEntry.Fifo f -> "fifo";
        });
        return line.toString();
    }
}
