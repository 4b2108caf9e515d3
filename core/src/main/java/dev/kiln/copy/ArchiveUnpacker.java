package dev.kiln.copy;

import dev.kiln.image.layer.ContentSource;
import dev.kiln.image.layer.EntryAttributes;
import dev.kiln.image.layer.LayerEntry;
import dev.kiln.internal.paths.RootedPaths;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Turns a local archive into entries under the destination directory, as BuildKit's ADD
 * unpacks it: names cleaned and kept below the directory, owners from the archive (or
 * {@code --chown}'s), modes from the archive ({@code --chmod} does not apply), file contents
 * streamed to temporary files.
 */
final class ArchiveUnpacker {
    private static final String XATTR_PREFIX = "SCHILY.xattr.";

    private final DestTree dest;
    private final CopyOptions options;
    private final ScratchFiles scratch;

    ArchiveUnpacker(DestTree dest, CopyOptions options, ScratchFiles scratch) {
        this.dest = dest;
        this.options = options;
        this.scratch = scratch;
    }

    /** @param destination the destination as written (absolute); it becomes a directory */
    void unpack(Path archive, String displayName, String destination) {
        String dir = dest.resolve(RootedPaths.clean(destination));
        dest.mkdirAll(dir, EntryAttributes.of(0755, options.uid(0), options.gid(0)));
        try (TarArchiveInputStream tar = Archives.open(archive)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                add(tar, entry, dir, displayName);
            }
        } catch (IOException e) {
            throw new CopyException("cannot unpack " + displayName + ": " + e.getMessage(), e);
        }
    }

    private void add(TarArchiveInputStream tar, TarArchiveEntry entry, String dir, String archive) throws IOException {
        String name = inside(entry.getName(), archive);
        if (name.isEmpty()) {
            return; // "./" itself: BuildKit leaves the existing directory as it is
        }
        if (RootedPaths.base(name).startsWith(".wh.")) {
            throw new CopyException("cannot unpack " + archive + ": its entry '" + entry.getName()
                    + "' would be read as a layer whiteout");
        }
        String parent = dest.resolve(RootedPaths.join(dir, RootedPaths.parent(name)));
        dest.mkdirAll(parent, EntryAttributes.of(0755, options.uid(0), options.gid(0)));
        String path = RootedPaths.join(parent, RootedPaths.base(name));
        EntryAttributes attributes = attributes(entry);
        if (!entry.isDirectory() && dest.kind(path) == DestTree.Kind.DIRECTORY) {
            throw new CopyException("cannot unpack " + archive + ": its entry '" + entry.getName()
                    + "' would replace the directory /" + path);
        }
        if (entry.isDirectory()) {
            if (dest.kind(path) == DestTree.Kind.OTHER) {
                throw new CopyException("cannot unpack " + archive + ": its directory '" + entry.getName()
                        + "' would replace the file /" + path);
            }
            dest.put(new LayerEntry.Directory(path, attributes));
        } else if (entry.isSymbolicLink()) {
            dest.put(new LayerEntry.Symlink(path, attributes, entry.getLinkName()));
        } else if (entry.isLink()) {
            String target = RootedPaths.join(dir, inside(entry.getLinkName(), archive));
            dest.put(new LayerEntry.Hardlink(path, attributes, target));
        } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            var kind = entry.isCharacterDevice() ? LayerEntry.DeviceKind.CHARACTER : LayerEntry.DeviceKind.BLOCK;
            dest.put(new LayerEntry.Device(path, attributes, kind, entry.getDevMajor(), entry.getDevMinor()));
        } else if (entry.isFIFO()) {
            dest.put(new LayerEntry.Fifo(path, attributes));
        } else if (entry.isFile()) {
            Path content = scratch.newFile();
            try (OutputStream out = Files.newOutputStream(content)) {
                tar.transferTo(out);
            }
            dest.put(new LayerEntry.RegularFile(path, attributes, ContentSource.of(content)));
        }
    }

    /** The entry name cleaned and relative to the archive root; climbing above it is refused. */
    private static String inside(String name, String archive) {
        int depth = 0;
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                depth--;
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                throw new CopyException("cannot unpack " + archive + ": its entry '" + name
                        + "' points outside the destination");
            }
        }
        return RootedPaths.clean(name);
    }

    private EntryAttributes attributes(TarArchiveEntry entry) {
        int mode = entry.isSymbolicLink() ? 0777 : entry.getMode() & 07777;
        return new EntryAttributes(mode, options.uid(entry.getLongUserId()), options.gid(entry.getLongGroupId()),
                xattrs(entry.getExtraPaxHeaders()));
    }

    private static SortedMap<String, byte[]> xattrs(Map<String, String> pax) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        pax.forEach((key, value) -> {
            if (key.startsWith(XATTR_PREFIX)) {
                out.put(key.substring(XATTR_PREFIX.length()), value.getBytes(StandardCharsets.UTF_8));
            }
        });
        return out;
    }
}
