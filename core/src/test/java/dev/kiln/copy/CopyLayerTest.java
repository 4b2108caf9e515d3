package dev.kiln.copy;

import static dev.kiln.copy.Trees.dir;
import static dev.kiln.copy.Trees.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.image.MediaType.Compression;
import dev.kiln.image.layer.LayerBlob;
import dev.kiln.image.layer.LayerOptions;
import dev.kiln.image.layer.LayerWriter;
import dev.kiln.store.BlobStore;
import dev.kiln.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY entries written by the real layer writer and read back from the stored blob. */
class CopyLayerTest {
    @TempDir Path tmp;

    @Test
    void copiedEntriesRoundTripThroughALayerTar() throws IOException {
        Path ctx = dir(tmp, "ctx", 0755);
        file(ctx, "app/bin/run", "#!/bin/sh\n", 0755);
        file(ctx, "app/etc/conf", "k=v\n", 0600);
        Files.createLink(ctx.resolve("app/etc/conf2"), ctx.resolve("app/etc/conf"));
        Trees.link(ctx, "app/bin/start", "run");
        Path root = dir(tmp, "root", 0755);
        Trees.owner(dir(root, "srv", 0700), 5, 6);
        file(root, "etc/passwd", "svc:x:70:80::/:/bin/false\n", 0644);

        var copy = Trees.copyWith(Optional.of("svc"), Optional.empty(), false, List.of(), "app", "/srv/app");
        BlobStore blobs = Store.open(tmp.resolve("store")).blobs();
        LayerBlob layer;
        try (CopyResult result = CopyOperation.copy(copy, new CopySource.Context(ctx, null), Destination.of("/", root),
                tmp.resolve("scratch"))) {
            layer = new LayerWriter(blobs, new LayerOptions(Compression.GZIP, 0)).write(result.entries());
        }

        Map<String, String> tar = readTar(blobs, layer);
        assertThat(tar).containsExactly(
                Map.entry("srv/", "dir 700 5:6"),
                Map.entry("srv/app/", "dir 755 70:80"),
                Map.entry("srv/app/bin/", "dir 755 70:80"),
                Map.entry("srv/app/bin/run", "file 755 70:80 #!/bin/sh\n"),
                Map.entry("srv/app/bin/start", "symlink 70:80 -> run"),
                Map.entry("srv/app/etc/", "dir 755 70:80"),
                Map.entry("srv/app/etc/conf", "file 600 70:80 k=v\n"),
                Map.entry("srv/app/etc/conf2", "hardlink -> srv/app/etc/conf"));
        Path scratch = tmp.resolve("scratch");
        assertThat(!Files.exists(scratch) || Files.list(scratch).findAny().isEmpty()).as("no temporary files left").isTrue();
    }

    private static Map<String, String> readTar(BlobStore blobs, LayerBlob layer) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream raw = blobs.open(layer.descriptor().digest());
             var tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String owner = e.getLongUserId() + ":" + e.getLongGroupId();
                String mode = Integer.toOctalString(e.getMode() & 07777);
                out.put(e.getName(), e.isDirectory() ? "dir " + mode + " " + owner
                        : e.isSymbolicLink() ? "symlink " + owner + " -> " + e.getLinkName()
                        : e.isLink() ? "hardlink -> " + e.getLinkName()
                        : "file " + mode + " " + owner + " " + new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
