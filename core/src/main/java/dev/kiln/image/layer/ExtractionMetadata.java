package dev.kiln.image.layer;

import dev.kiln.internal.sys.Errno;
import dev.kiln.internal.sys.PathAttributes;
import dev.kiln.internal.sys.SysException;
import dev.kiln.internal.sys.Xattrs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * What a tar header says about a file besides its content: owner, mode (with setuid, setgid and
 * sticky bits), times and PAX {@code SCHILY.xattr.*} attributes. Applied without following links,
 * owner before mode (chown clears setuid), times last.
 */
record ExtractionMetadata(long uid, long gid, int mode, FileTime modified, FileTime accessed,
                          Map<String, String> xattrs) {
    private static final String PAX_XATTR = "SCHILY.xattr.";
    // Overlay's own bookkeeping; a layer must express whiteouts as .wh. files, not smuggle them in.
    private static final String OVERLAY_XATTRS = "trusted.overlay.";
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    ExtractionMetadata {
        xattrs = Map.copyOf(xattrs);
    }

    static ExtractionMetadata of(TarArchiveEntry entry) {
        Map<String, String> xattrs = new TreeMap<>();
        entry.getExtraPaxHeaders().forEach((key, value) -> {
            if (key.startsWith(PAX_XATTR)) {
                xattrs.put(key.substring(PAX_XATTR.length()), value);
            }
        });
        FileTime modified = entry.getLastModifiedTime();
        FileTime accessed = entry.getLastAccessTime();
        if (accessed == null || accessed.compareTo(modified) < 0) {
            accessed = modified;
        }
        return new ExtractionMetadata(entry.getLongUserId(), entry.getLongGroupId(), entry.getMode() & 07777,
                modified, accessed, xattrs);
    }

    void apply(Path path, ExtractionOptions options, Consumer<String> warnings) throws IOException {
        boolean symlink = Files.isSymbolicLink(path);
        if (options.preserveOwnership()) {
            Files.setAttribute(path, "unix:uid", (int) uid, NOFOLLOW);
            Files.setAttribute(path, "unix:gid", (int) gid, NOFOLLOW);
        }
        if (!symlink) { // Linux has no mode on symlinks
            PathAttributes.chmod(path, mode);
        }
        if (options.applyXattrs()) {
            applyXattrs(path, warnings);
        }
        PathAttributes.lutimes(path, accessed, modified);
    }

    private void applyXattrs(Path path, Consumer<String> warnings) {
        for (var xattr : xattrs.entrySet()) {
            String name = xattr.getKey();
            if (name.startsWith(OVERLAY_XATTRS)) {
                warnings.accept("ignored xattr " + name + " on " + path.getFileName() + ": reserved for overlay");
            } else if (xattr.getValue().indexOf('\uFFFD') >= 0) {
                // Commons Compress decodes PAX values as UTF-8; a binary value may have been mangled.
                warnings.accept("ignored xattr " + name + " on " + path.getFileName() + ": value is not UTF-8");
            } else {
                setXattr(path, name, xattr.getValue().getBytes(StandardCharsets.UTF_8), warnings);
            }
        }
    }

    private static void setXattr(Path path, String name, byte[] value, Consumer<String> warnings) {
        try {
            Xattrs.set(path, name, value);
        } catch (SysException e) {
            if (!List.of(Errno.EOPNOTSUPP, Errno.EPERM).contains(e.errno())) {
                throw e;
            }
            warnings.accept("ignored xattr " + name + " on " + path.getFileName() + ": " + e.getMessage());
        }
    }
}
