package dev.kiln.transport;

import dev.kiln.internal.io.CloseShieldOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a folder's tree as a tar: entries sorted, parents first, with each file's mode, owner and
 * modification time; hard links become link entries, devices and fifos keep their numbers; sockets
 * are skipped (tar cannot hold them).
 */
final class DirectoryTarWriter {
    private static final int TYPE_MASK = 0170000;
    private static final int CHAR_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int FIFO = 0010000;
    private static final int SOCKET = 0140000;

    private final Path root;
    private final Map<String, String> firstNameOfInode = new HashMap<>();

    private DirectoryTarWriter(Path root) {
        this.root = root;
    }

    /** Writes the tree under {@code root} (not {@code root} itself) to {@code out}, which stays open. */
    static void write(Path root, OutputStream out) throws IOException {
        var tar = new TarArchiveOutputStream(new CloseShieldOutputStream(out), "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        new DirectoryTarWriter(root).children(root, tar);
        tar.finish();
        tar.close();
    }

    private void children(Path dir, TarArchiveOutputStream tar) throws IOException {
        List<Path> sorted;
        try (Stream<Path> list = Files.list(dir)) {
            sorted = list.sorted().toList();
        }
        for (Path child : sorted) {
            entry(child, tar);
        }
    }

    private void entry(Path file, TarArchiveOutputStream tar) throws IOException {
        Map<String, Object> attrs = Files.readAttributes(file,
                "unix:mode,uid,gid,size,rdev,dev,ino,nlink,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) attrs.get("mode");
        int type = mode & TYPE_MASK;
        if (type == SOCKET) {
            return;
        }
        String name = root.relativize(file).toString();
        TarArchiveEntry header = header(file, name, attrs, type);
        header.setMode(mode & 07777);
        header.setIds((Integer) attrs.get("uid"), (Integer) attrs.get("gid"));
        header.setUserName("");
        header.setGroupName("");
        header.setModTime(((FileTime) attrs.get("lastModifiedTime")).toMillis());
        tar.putArchiveEntry(header);
        if (header.getSize() > 0) {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(tar);
            }
        }
        tar.closeArchiveEntry();
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            children(file, tar);
        }
    }

    private TarArchiveEntry header(Path file, String name, Map<String, Object> attrs, int type) throws IOException {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return new TarArchiveEntry(name + "/", TarArchiveEntry.LF_DIR);
        }
        if (Files.isSymbolicLink(file)) {
            var header = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            header.setLinkName(Files.readSymbolicLink(file).toString());
            return header;
        }
        if (type == CHAR_DEVICE || type == BLOCK_DEVICE || type == FIFO) {
            var header = new TarArchiveEntry(name, type == FIFO ? TarArchiveEntry.LF_FIFO
                    : type == CHAR_DEVICE ? TarArchiveEntry.LF_CHR : TarArchiveEntry.LF_BLK);
            long rdev = (Long) attrs.get("rdev");
            header.setDevMajor((int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL)));
            header.setDevMinor((int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL)));
            return header;
        }
        String inode = attrs.get("dev") + ":" + attrs.get("ino");
        String first = (Integer) attrs.get("nlink") > 1 ? firstNameOfInode.putIfAbsent(inode, name) : null;
        if (first != null) {
            var header = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
            header.setLinkName(first);
            return header;
        }
        var header = new TarArchiveEntry(name, TarArchiveEntry.LF_NORMAL);
        header.setSize((Long) attrs.get("size"));
        return header;
    }
}
