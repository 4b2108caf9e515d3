package dev.kiln.transport;

import dev.kiln.internal.io.CloseShieldOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes image archives as containerd's archive exporter (which BuildKit uses) does: entries sorted
 * by name, each name once, owner 0:0 with no user names, modification time 0.
 */
final class ArchiveTarWriter {
    private ArchiveTarWriter() {
    }

    /** Writes {@code entries} as a tar to {@code out}, which stays open. */
    static void write(List<ArchiveEntry> entries, OutputStream out) throws IOException {
        var tar = new TarArchiveOutputStream(new CloseShieldOutputStream(out), "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        String last = null;
        for (ArchiveEntry entry : entries.stream().sorted(Comparator.comparing(ArchiveEntry::name)).toList()) {
            if (entry.name().equals(last)) {
                continue;
            }
            last = entry.name();
            writeEntry(tar, entry);
        }
        tar.finish();
        tar.close();
    }

    private static void writeEntry(TarArchiveOutputStream tar, ArchiveEntry entry) throws IOException {
        var header = new TarArchiveEntry(entry.name(), entry.isDirectory() ? TarArchiveEntry.LF_DIR : TarArchiveEntry.LF_NORMAL);
        header.setMode((entry.isDirectory() ? 040000 : 0100000) | entry.mode());
        header.setUserName("");
        header.setGroupName("");
        header.setIds(0, 0);
        header.setModTime(0);
        header.setSize(entry.isDirectory() ? 0 : entry.size());
        tar.putArchiveEntry(header);
        if (!entry.isDirectory()) {
            try (InputStream in = entry.content().open()) {
                long copied = in.transferTo(tar);
                if (copied != entry.size()) {
                    throw new TransportException(entry.name() + " has " + copied + " bytes, expected " + entry.size()
                            + "; the store changed while it was exported");
                }
            }
        }
        tar.closeArchiveEntry();
    }
}
