package dev.kiln.image.layer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds layer tars in tests, including ones no honest tool would write (names are kept verbatim). */
final class ExtractionTestTar {
    static final FileTime MTIME = FileTime.fromMillis(1_600_000_000_000L);

    private record Item(TarArchiveEntry entry, byte[] content) {
    }

    private final List<Item> items = new ArrayList<>();

    ExtractionTestTar dir(String name, int mode) {
        return add(name, TarConstants.LF_DIR, mode, null, e -> { });
    }

    ExtractionTestTar file(String name, String content, int mode) {
        return file(name, content, mode, e -> { });
    }

    ExtractionTestTar file(String name, String content, int mode, Consumer<TarArchiveEntry> tweak) {
        return add(name, TarConstants.LF_NORMAL, mode, content.getBytes(StandardCharsets.UTF_8), tweak);
    }

    ExtractionTestTar symlink(String name, String target) {
        return add(name, TarConstants.LF_SYMLINK, 0777, null, e -> e.setLinkName(target));
    }

    ExtractionTestTar hardlink(String name, String target) {
        return add(name, TarConstants.LF_LINK, 0644, null, e -> e.setLinkName(target));
    }

    ExtractionTestTar device(String name, byte type, int major, int minor, int mode) {
        return add(name, type, mode, null, e -> {
            e.setDevMajor(major);
            e.setDevMinor(minor);
        });
    }

    ExtractionTestTar with(String name, byte type, int mode, Consumer<TarArchiveEntry> tweak) {
        return add(name, type, mode, null, tweak);
    }

    private ExtractionTestTar add(String name, byte type, int mode, byte[] content, Consumer<TarArchiveEntry> tweak) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode(mode);
        entry.setModTime(MTIME);
        if (content != null) {
            entry.setSize(content.length);
        }
        tweak.accept(entry);
        items.add(new Item(entry, content));
        return this;
    }

    byte[] bytes() {
        try (var buffer = new ByteArrayOutputStream();
             var tar = new TarArchiveOutputStream(buffer)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Item item : items) {
                tar.putArchiveEntry(item.entry());
                if (item.content() != null) {
                    tar.write(item.content());
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InputStream stream() {
        return new ByteArrayInputStream(bytes());
    }
}
