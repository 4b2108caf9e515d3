package dev.kiln.solve;

import dev.kiln.image.layer.ContentSource;
import dev.kiln.image.layer.EntryAttributes;
import dev.kiln.image.layer.LayerEntry;
import dev.kiln.snapshot.Change;
import dev.kiln.snapshot.Xattr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeMap;

/** A step's change set as layer entries: whiteouts and opaque markers become empty files. */
final class ChangeEntries {
    private ChangeEntries() {}

    static List<LayerEntry> of(List<Change> changes) {
        return changes.stream().map(ChangeEntries::entry).toList();
    }

    private static LayerEntry entry(Change c) {
        var attributes = attributes(c);
        return switch (c.type()) {
            case REGULAR -> new LayerEntry.RegularFile(c.path(), attributes, content(c));
            case DIRECTORY -> new LayerEntry.Directory(c.path(), attributes);
            case SYMLINK -> new LayerEntry.Symlink(c.path(), attributes, c.linkTarget());
            case HARDLINK -> new LayerEntry.Hardlink(c.path(), attributes, c.linkTarget());
            case CHAR_DEVICE -> new LayerEntry.Device(c.path(), attributes, LayerEntry.DeviceKind.CHARACTER,
                    c.devMajor(), c.devMinor());
            case BLOCK_DEVICE -> new LayerEntry.Device(c.path(), attributes, LayerEntry.DeviceKind.BLOCK,
                    c.devMajor(), c.devMinor());
            case FIFO -> new LayerEntry.Fifo(c.path(), attributes);
            case WHITEOUT, OPAQUE -> LayerEntry.file(c.path(), 0, new byte[0]);
        };
    }

    private static EntryAttributes attributes(Change c) {
        var xattrs = new TreeMap<String, byte[]>();
        for (Xattr x : c.xattrs()) {
            xattrs.put(x.name(), x.value());
        }
        return new EntryAttributes(c.mode() & 07777, c.uid(), c.gid(), xattrs);
    }

    private static ContentSource content(Change c) {
        try {
            return ContentSource.of(c.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
