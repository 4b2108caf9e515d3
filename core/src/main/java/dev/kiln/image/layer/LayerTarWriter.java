package dev.kiln.image.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes ordered entries as a POSIX (ustar + PAX) tar: one fixed mtime, no atime/ctime, numeric
 * owners only, PAX records for long or non-ASCII names, big ids and xattrs. No record padding
 * past the two end blocks (as Go's archive/tar writes it).
 */
final class LayerTarWriter {
    private static final String XATTR_PREFIX = "SCHILY.xattr.";

    private final FileTime mtime;

    LayerTarWriter(long mtimeEpochSeconds) {
        this.mtime = FileTime.from(mtimeEpochSeconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Writes the tar to {@code out} and closes it. */
    void write(List<LayerEntry> ordered, OutputStream out) throws IOException {
        try (var tar = new TarArchiveOutputStream(out, TarConstants.DEFAULT_RCDSIZE, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (LayerEntry entry : ordered) {
                tar.putArchiveEntry(header(entry));
                if (entry instanceof LayerEntry.RegularFile file) {
                    copyContent(file, tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private TarArchiveEntry header(LayerEntry entry) {
        TarArchiveEntry header = switch (entry) {
            case LayerEntry.RegularFile f -> {
                var h = new TarArchiveEntry(f.path(), TarConstants.LF_NORMAL, true);
                h.setSize(f.content().size());
                yield h;
            }
            case LayerEntry.Directory d -> new TarArchiveEntry(d.path() + "/", TarConstants.LF_DIR, true);
            case LayerEntry.Symlink s -> link(s.path(), TarConstants.LF_SYMLINK, s.target());
            case LayerEntry.Hardlink h -> link(h.path(), TarConstants.LF_LINK, h.target());
            case LayerEntry.Device d -> {
                byte type = d.kind() == LayerEntry.DeviceKind.CHARACTER ? TarConstants.LF_CHR : TarConstants.LF_BLK;
                var h = new TarArchiveEntry(d.path(), type, true);
                h.setDevMajor(d.major());
                h.setDevMinor(d.minor());
                yield h;
            }
            case LayerEntry.Fifo f -> new TarArchiveEntry(f.path(), TarConstants.LF_FIFO, true);
        };
        EntryAttributes a = entry.attributes();
        header.setMode(a.mode());
        header.setUserId(a.uid());
        header.setGroupId(a.gid());
        header.setUserName("");
        header.setGroupName("");
        header.setLastModifiedTime(mtime);
        for (Map.Entry<String, byte[]> xattr : a.xattrs().entrySet()) {
            header.addPaxHeader(XATTR_PREFIX + xattr.getKey(), xattrValue(entry.path(), xattr.getKey(), xattr.getValue()));
        }
        return header;
    }

    private static TarArchiveEntry link(String path, byte type, String target) {
        var h = new TarArchiveEntry(path, type, true);
        h.setLinkName(type == TarConstants.LF_LINK ? LayerPlan.normalize(target) : target);
        return h;
    }

    private static void copyContent(LayerEntry.RegularFile file, OutputStream tar) throws IOException {
        long expected = file.content().size();
        long copied = 0;
        boolean more;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = file.content().open()) {
            int n;
            while (copied < expected && (n = in.read(buffer, 0, (int) Math.min(buffer.length, expected - copied))) >= 0) {
                tar.write(buffer, 0, n);
                copied += n;
            }
            more = copied == expected && in.read() >= 0;
        }
        if (copied != expected || more) {
            throw new LayerException("'" + file.path() + "' changed while it was added to the layer: expected "
                    + expected + " bytes, but it has " + (more ? "more" : copied) + "; retry the build");
        }
    }

    /**
     * Commons Compress writes PAX values as UTF-8 text, so a value that is not valid UTF-8 (some
     * binary xattrs) would come out altered; refuse it rather than write a wrong layer.
     */
    private static String xattrValue(String path, String name, byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new LayerException("extended attribute " + name + " of '" + path
                    + "' is binary (not UTF-8); Kiln cannot yet store such attributes in a layer");
        }
    }
}
