package dev.kiln.image.layer;

/**
 * One entry of a layer tar. Paths are relative to the layer root ({@code usr/bin/env}); a
 * leading {@code /} or {@code ./} is dropped, {@code ..} is refused. Whiteouts are ordinary
 * empty files named {@code .wh.<name>} (and {@code .wh..wh..opq}).
 */
public sealed interface LayerEntry {
    String path();

    EntryAttributes attributes();

    record RegularFile(String path, EntryAttributes attributes, ContentSource content) implements LayerEntry {
    }

    record Directory(String path, EntryAttributes attributes) implements LayerEntry {
    }

    record Symlink(String path, EntryAttributes attributes, String target) implements LayerEntry {
    }

    /** A second name for the regular file at {@code target} (a path inside the same layer). */
    record Hardlink(String path, EntryAttributes attributes, String target) implements LayerEntry {
    }

    record Device(String path, EntryAttributes attributes, DeviceKind kind, int major, int minor) implements LayerEntry {
    }

    record Fifo(String path, EntryAttributes attributes) implements LayerEntry {
    }

    enum DeviceKind { CHARACTER, BLOCK }

    static RegularFile file(String path, int mode, byte[] content) {
        return new RegularFile(path, EntryAttributes.of(mode), ContentSource.of(content));
    }

    static Directory directory(String path, int mode) {
        return new Directory(path, EntryAttributes.of(mode));
    }

    static Symlink symlink(String path, String target) {
        return new Symlink(path, EntryAttributes.of(0777), target);
    }
}
