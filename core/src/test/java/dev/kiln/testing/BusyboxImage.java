package dev.kiln.testing;

import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.Manifest;
import dev.kiln.image.MediaType;
import dev.kiln.image.Platform;
import dev.kiln.image.layer.ContentSource;
import dev.kiln.image.layer.EntryAttributes;
import dev.kiln.image.layer.LayerEntry;
import dev.kiln.image.layer.LayerOptions;
import dev.kiln.image.layer.LayerWriter;
import dev.kiln.store.Store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small busybox image made from the machine's static busybox (Debian busybox-static), as a test base. */
public final class BusyboxImage {
    private static final List<String> APPLETS = List.of("sh", "echo", "cat", "ls", "rm", "mkdir", "touch", "test",
            "true", "false", "chmod", "chown", "ln", "cp", "mv", "find", "wc", "sleep", "id", "env", "printf", "grep",
            "sed", "head", "tail", "stat", "readlink", "pwd", "seq", "sort", "ip", "hostname", "uname", "tr", "expr");

    private BusyboxImage() {}

    /** Writes the image into the store and names it {@code name}; returns its manifest descriptor. */
    public static Descriptor importInto(Store store, String name) {
        try {
            var entries = new ArrayList<LayerEntry>();
            entries.add(new LayerEntry.RegularFile("bin/busybox", EntryAttributes.of(0755),
                    ContentSource.of(Path.of("/bin/busybox"))));
            for (var applet : APPLETS) {
                entries.add(LayerEntry.symlink("bin/" + applet, "busybox"));
            }
            entries.add(text("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n"));
            entries.add(text("etc/group", "root:x:0:\napp:x:1000:\nstaff:x:50:app\n"));
            entries.add(text("etc/issue", "Busybox test image\n"));
            entries.add(text("etc/keep/a.txt", "a\n"));
            entries.add(text("etc/keep/b.txt", "b\n"));
            entries.add(new LayerEntry.Directory("tmp", EntryAttributes.of(01777)));
            entries.add(new LayerEntry.Directory("root", EntryAttributes.of(0700)));
            entries.add(new LayerEntry.Directory("home/app", EntryAttributes.of(0755, 1000, 1000)));
            var layer = new LayerWriter(store.blobs(), LayerOptions.defaults()).write(entries);
            var config = ImageConfig.empty(Platform.current().normalized());
            config = config.withConfig(new ImageConfig.Container("", null, List.of("PATH=/bin"), null,
                    List.of("sh"), null, "", null, "", null, null, null, null));
            config = config.withLayer(layer.diffId(), new ImageConfig.History(null, "busybox test base", "", "", false));
            var configBytes = ImageCodec.encode(config);
            var configInfo = store.blobs().write(configBytes);
            var manifestBytes = ImageCodec.encode(Manifest.oci(
                    Descriptor.of(MediaType.OCI_CONFIG, configInfo.digest(), configBytes.length),
                    List.of(layer.descriptor())));
            var manifestInfo = store.blobs().write(manifestBytes);
            var manifest = Descriptor.of(MediaType.OCI_MANIFEST, manifestInfo.digest(), manifestBytes.length);
            store.names().put(name, manifest);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LayerEntry text(String path, String content) {
        return LayerEntry.file(path, 0644, content.getBytes(StandardCharsets.UTF_8));
    }
}
