package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.Manifest;
import dev.kiln.image.MediaType;
import dev.kiln.image.Platform;
import dev.kiln.store.BlobInfo;
import dev.kiln.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Small images written straight into a store, their layers made with Commons Compress. */
final class TestImages {
    static final Instant CREATED = Instant.parse("2024-01-02T03:04:05Z");

    private TestImages() {
    }

    /**
     * Two layers: the base has folders, files (one setuid, one owned by 1000:1000), a symlink and a
     * hard link; the top one changes a file, deletes one by whiteout and empties a folder (opaque).
     */
    static Descriptor twoLayerImage(Store store, String name) {
        byte[] base = new Tar()
                .dir("etc/", 0755).file("etc/hostname", "kiln\n", 0644)
                .dir("bin/", 0755).file("bin/tool", "#!/bin/sh\necho tool\n", 04755)
                .symlink("bin/alias", "tool").hardlink("bin/tool-link", "bin/tool")
                .dir("home/", 0755).dir("home/user/", 0700, 1000).file("home/user/notes", "mine\n", 0600, 1000)
                .dir("var/", 0755).dir("var/cache/", 0755).file("var/cache/a", "a", 0644).file("var/cache/b", "b", 0644)
                .file("etc/old.conf", "old\n", 0644)
                .bytes();
        byte[] top = new Tar()
                .dir("etc/", 0755).file("etc/hostname", "changed\n", 0644).file("etc/.wh.old.conf", "", 0644)
                .dir("var/", 0755).dir("var/cache/", 0755).file("var/cache/.wh..wh..opq", "", 0644)
                .file("var/cache/c", "c", 0644)
                .bytes();
        return image(store, name, List.of(base, top));
    }

    /** One layer holding {@code file} with {@code content}. */
    static Descriptor oneFileImage(Store store, String name, String file, String content) {
        return image(store, name, List.of(new Tar().file(file, content, 0644).bytes()));
    }

    /** Writes gzip layers, config and manifest into the store, and names the manifest {@code name} (when not null). */
    static Descriptor image(Store store, String name, List<byte[]> layerTars) {
        ImageConfig config = ImageConfig.empty(Platform.current()).withCreated(CREATED)
                .withConfig(new ImageConfig.Container("", null, List.of("PATH=/bin"), null, List.of("/bin/tool"),
                        null, "/", null, "", null, null, null, null));
        List<Descriptor> layers = new ArrayList<>();
        for (byte[] tar : layerTars) {
            BlobInfo blob = store.blobs().write(gzip(tar));
            layers.add(blob.descriptor(MediaType.OCI_LAYER_GZIP));
            config = config.withLayer(Digest.of(tar), new ImageConfig.History(CREATED, "test layer", "", "", false));
        }
        BlobInfo configBlob = store.blobs().write(ImageCodec.encode(config));
        Manifest manifest = Manifest.oci(configBlob.descriptor(MediaType.OCI_CONFIG), layers);
        Descriptor target = store.blobs().write(ImageCodec.encode(manifest)).descriptor(MediaType.OCI_MANIFEST);
        if (name != null) {
            store.names().put(name, target);
        }
        return target;
    }

    static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A layer tar. */
    static final class Tar {
        private record Item(TarArchiveEntry entry, byte[] content) {
        }

        private final List<Item> items = new ArrayList<>();

        Tar dir(String name, int mode) {
            return dir(name, mode, 0);
        }

        Tar dir(String name, int mode, int owner) {
            return add(name, TarConstants.LF_DIR, mode, owner, null, null);
        }

        Tar file(String name, String content, int mode) {
            return file(name, content, mode, 0);
        }

        Tar file(String name, String content, int mode, int owner) {
            return add(name, TarConstants.LF_NORMAL, mode, owner, content.getBytes(StandardCharsets.UTF_8), null);
        }

        Tar symlink(String name, String target) {
            return add(name, TarConstants.LF_SYMLINK, 0777, 0, null, target);
        }

        Tar hardlink(String name, String target) {
            return add(name, TarConstants.LF_LINK, 0755, 0, null, target);
        }

        private Tar add(String name, byte type, int mode, int owner, byte[] content, String link) {
            TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
            entry.setMode(mode);
            entry.setModTime(1_700_000_000_000L);
            entry.setIds(owner, owner);
            entry.setUserName("");
            entry.setGroupName("");
            if (content != null) {
                entry.setSize(content.length);
            }
            if (link != null) {
                entry.setLinkName(link);
            }
            items.add(new Item(entry, content));
            return this;
        }

        byte[] bytes() {
            var buffer = new ByteArrayOutputStream();
            try (var tar = new TarArchiveOutputStream(buffer)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (Item item : items) {
                    tar.putArchiveEntry(item.entry());
                    if (item.content() != null) {
                        tar.write(item.content());
                    }
                    tar.closeArchiveEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.toByteArray();
        }
    }
}
