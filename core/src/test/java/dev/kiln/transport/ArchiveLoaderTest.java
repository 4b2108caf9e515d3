package dev.kiln.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageReference;
import dev.kiln.store.ImageNames;
import dev.kiln.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void saveThenLoadKeepsEveryDigestAndName() {
        Store source = Store.open(tmp.resolve("a"));
        Descriptor app = TestImages.twoLayerImage(source, "app:1.0");
        Descriptor tool = TestImages.oneFileImage(source, "reg.example:5000/team/tool:2", "f", "x");
        source.names().put("app:latest", app);
        Path archive = tmp.resolve("saved.tar");
        AtomicFileOutput.write(archive, out -> ImageArchive.write(source.blobs(), List.of(
                new ArchiveImage(app, List.of(ImageNames.parse("app:1.0"), ImageNames.parse("app:latest"))),
                new ArchiveImage(tool, List.of(ImageNames.parse("reg.example:5000/team/tool:2")))), ImageArchive.Format.DOCKER, out));

        Store target = Store.open(tmp.resolve("b"));
        List<LoadedImage> loaded = ArchiveLoader.load(target, archive);

        assertThat(loaded).hasSize(3);
        assertThat(target.names().get("app:1.0").orElseThrow().digest()).isEqualTo(app.digest());
        assertThat(target.names().get("app:latest").orElseThrow().digest()).isEqualTo(app.digest());
        assertThat(target.names().get("reg.example:5000/team/tool:2").orElseThrow().digest()).isEqualTo(tool.digest());
        assertThat(target.blobs().fsck().ok()).isTrue();
        Tools.run("skopeo", "inspect", "oci:" + target.root() + ":app:1.0");
    }

    @Test
    void loadsAnOciArchiveThatSkopeoWrote() {
        Store source = Store.open(tmp.resolve("a"));
        Descriptor app = TestImages.twoLayerImage(source, "app:1.0");
        Path archive = tmp.resolve("skopeo.tar");
        Tools.run("skopeo", "copy", "-q", "oci:" + source.root() + ":app:1.0", "oci-archive:" + archive + ":example.com/app:3");

        Store target = Store.open(tmp.resolve("b"));
        ArchiveLoader.load(target, archive);
        assertThat(target.names().get("example.com/app:3").orElseThrow().digest()).isEqualTo(app.digest());
    }

    @Test
    void loadsTheOlderDockerSaveLayout() throws IOException {
        Store source = Store.open(tmp.resolve("a"));
        Descriptor app = TestImages.twoLayerImage(source, "app:1.0");
        var manifest = ImageCodec.decodeManifest(source.blobs().readAll(app.digest()));
        Digest config = manifest.config().digest();
        Path archive = tmp.resolve("legacy.tar");
        try (OutputStream file = Files.newOutputStream(archive); var tar = new TarArchiveOutputStream(file)) {
            put(tar, config.encoded() + ".json", source.blobs().readAll(config));
            StringBuilder layers = new StringBuilder();
            for (int i = 0; i < manifest.layers().size(); i++) {
                byte[] plain = CompressedFiles.openLayer(source.blobs(), manifest.layers().get(i)).readAllBytes();
                put(tar, "layer" + i + "/layer.tar", plain);
                layers.append(i == 0 ? "" : ",").append("\"layer").append(i).append("/layer.tar\"");
            }
            put(tar, "manifest.json", ("[{\"Config\":\"" + config.encoded() + ".json\",\"RepoTags\":[\"old:1\"],\"Layers\":["
                    + layers + "]}]").getBytes(StandardCharsets.UTF_8));
        }

        Store target = Store.open(tmp.resolve("b"));
        List<LoadedImage> loaded = ArchiveLoader.load(target, archive);
        assertThat(loaded).singleElement().extracting(LoadedImage::id).isEqualTo(config);
        Path unpacked = tmp.resolve("bundle");
        Tools.run("umoci", "unpack", "--image", target.root() + ":old:1", unpacked.toString());
        assertThat(unpacked.resolve("rootfs/etc/hostname")).hasContent("changed");
    }

    @Test
    void aCorruptBlobIsRejectedAndNothingIsNamed() throws IOException {
        Store source = Store.open(tmp.resolve("a"));
        Descriptor app = TestImages.twoLayerImage(source, "app:1.0");
        Path good = tmp.resolve("good.tar");
        AtomicFileOutput.write(good, out -> ImageArchive.write(source.blobs(),
                List.of(new ArchiveImage(app, List.of(ImageNames.parse("app:1.0")))), ImageArchive.Format.OCI, out));
        Path bad = tmp.resolve("bad.tar");
        Digest layer = ImageCodec.decodeManifest(source.blobs().readAll(app.digest())).layers().get(0).digest();
        rewrite(good, bad, ImageArchive.blobPath(layer));

        Store target = Store.open(tmp.resolve("b"));
        assertThatThrownBy(() -> ArchiveLoader.load(target, bad))
                .isInstanceOf(TransportException.class).hasMessageContaining("does not match its digest");
        assertThat(target.names().list()).isEmpty();
    }

    @Test
    void anUnnamedImageIsRefused() {
        Store source = Store.open(tmp.resolve("a"));
        Descriptor app = TestImages.oneFileImage(source, null, "f", "x");
        Path archive = tmp.resolve("unnamed.tar");
        AtomicFileOutput.write(archive, out -> ImageArchive.write(source.blobs(),
                List.of(new ArchiveImage(app, List.of())), ImageArchive.Format.OCI, out));
        assertThatThrownBy(() -> ArchiveLoader.load(Store.open(tmp.resolve("b")), archive))
                .isInstanceOf(TransportException.class).hasMessageContaining("has no name");
    }

    @Test
    void aFileThatIsNoArchiveFailsClearly() throws IOException {
        Path notTar = tmp.resolve("x.tar");
        Files.writeString(notTar, "hello");
        assertThatThrownBy(() -> ArchiveLoader.load(Store.open(tmp.resolve("b")), notTar))
                .isInstanceOf(TransportException.class);
    }

    /** Copies a tar, flipping one byte of the entry {@code victim}. */
    private static void rewrite(Path from, Path to, String victim) throws IOException {
        try (var in = new TarArchiveInputStream(Files.newInputStream(from));
             var out = new TarArchiveOutputStream(Files.newOutputStream(to))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(victim)) {
                    bytes[bytes.length / 2] ^= 1;
                }
                out.putArchiveEntry(e);
                out.write(bytes);
                out.closeArchiveEntry();
            }
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        var entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
