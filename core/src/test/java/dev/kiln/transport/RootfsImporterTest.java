package dev.kiln.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.image.Digest;
import dev.kiln.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsImporterTest {
    private static final Instant WHEN = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aTarBecomesTheOneLayerByteForByte() throws Exception {
        byte[] tar = new TestImages.Tar().dir("etc/", 0755).file("etc/motd", "hi\n", 0644).bytes();
        Path file = tmp.resolve("rootfs.tar.gz");
        Files.write(file, TestImages.gzip(tar));
        Store store = Store.open(tmp.resolve("store"));

        LoadedImage image = RootfsImporter.importRootfs(store, file, "imported:1", WHEN);

        StoredImage stored = StoredImage.read(store.blobs(), store.names().get("imported:1").orElseThrow());
        assertThat(stored.config().rootfs().diffIds()).containsExactly(Digest.of(tar));
        assertThat(stored.config().created()).isEqualTo(WHEN);
        assertThat(stored.config().history().getFirst().comment()).isEqualTo("Imported from " + file);
        assertThat(stored.id()).isEqualTo(image.id());
        Path bundle = tmp.resolve("bundle");
        Tools.run("umoci", "unpack", "--image", store.root() + ":imported:1", bundle.toString());
        assertThat(bundle.resolve("rootfs/etc/motd")).hasContent("hi");
    }

    @Test
    void aFolderIsWrittenAsALayer() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("root/usr/bin"));
        Files.writeString(dir.resolve("hello"), "#!/bin/sh\n");
        Files.createSymbolicLink(tmp.resolve("root/bin"), Path.of("usr/bin"));
        Store store = Store.open(tmp.resolve("store"));

        RootfsImporter.importRootfs(store, tmp.resolve("root"), "fromdir", WHEN);

        Path out = tmp.resolve("out");
        Exporters.export(store, store.names().get("fromdir").orElseThrow(), OutputSpec.parse(out.toString()), System.out);
        assertThat(out.resolve("usr/bin/hello")).hasContent("#!/bin/sh");
        assertThat(Files.readSymbolicLink(out.resolve("bin"))).isEqualTo(Path.of("usr/bin"));
        assertThat(Files.getLastModifiedTime(out.resolve("usr/bin/hello")).toInstant()).isEqualTo(WHEN);

        Files.setLastModifiedTime(dir.resolve("hello"), java.nio.file.attribute.FileTime.from(Instant.now()));
        RootfsImporter.importRootfs(store, tmp.resolve("root"), "again", WHEN);
        assertThat(store.names().get("again").orElseThrow().digest())
                .as("the layer writer makes the same image from the same files, whatever their times")
                .isEqualTo(store.names().get("fromdir").orElseThrow().digest());
    }

    @Test
    void aFileThatIsNoTarIsRejected() throws Exception {
        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, "x".repeat(2000));
        Store store = Store.open(tmp.resolve("store"));
        assertThatThrownBy(() -> RootfsImporter.importRootfs(store, file, "bad", WHEN))
                .isInstanceOf(TransportException.class).hasMessageContaining("is not a tar archive");
        assertThat(store.names().list()).isEmpty();
    }
}
