package dev.kiln.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageCodec;
import dev.kiln.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output type, checked by the tools that consume it: skopeo, umoci, and a tar reader. */
class ExportersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Store store;
    Descriptor image;

    @BeforeEach
    void writeImage() {
        store = Store.open(tmp.resolve("store"));
        image = TestImages.twoLayerImage(store, "app:1.0");
    }

    @Test
    void theStoreIsALayoutSkopeoReadsAndCopies() throws IOException {
        JsonNode inspected = inspect("oci:" + store.root() + ":app:1.0");
        assertThat(inspected.path("Digest").asText()).isEqualTo(image.digest().toString());
        assertThat(inspected.path("Layers")).hasSize(2);

        Path copy = tmp.resolve("copy");
        Tools.run("skopeo", "copy", "-q", "oci:" + store.root() + ":app:1.0", "oci:" + copy + ":y");
        assertThat(inspect("oci:" + copy + ":y").path("Digest").asText()).isEqualTo(image.digest().toString());
    }

    @Test
    void ociArchiveHasTheLayoutBuildKitWritesAndSkopeoReadsIt() throws IOException {
        Path out = tmp.resolve("image.tar");
        ExportResult result = export("type=oci,dest=" + out + ",name=app:1.0");

        assertThat(tarNames(out)).containsExactly("blobs/", "blobs/sha256/", blobPath(result, 0), blobPath(result, 1),
                blobPath(result, 2), blobPath(result, 3), "index.json", "oci-layout");
        JsonNode index = JSON.readTree(tarFile(out, "index.json"));
        JsonNode entry = index.path("manifests").get(0);
        assertThat(entry.path("annotations").path("io.containerd.image.name").asText()).isEqualTo("docker.io/library/app:1.0");
        assertThat(entry.path("annotations").path("org.opencontainers.image.ref.name").asText()).isEqualTo("1.0");

        assertThat(inspect("oci-archive:" + out + ":1.0").path("Digest").asText()).isEqualTo(image.digest().toString());
        Path copy = tmp.resolve("copy");
        Tools.run("skopeo", "copy", "-q", "oci-archive:" + out + ":1.0", "oci:" + copy + ":y");
        assertThat(inspect("oci:" + copy + ":y").path("Digest").asText()).isEqualTo(image.digest().toString());
        assertThat(result.manifest().orElseThrow().digest()).isEqualTo(image.digest());
    }

    @Test
    void ociLayoutFolderGetsOneEntryPerNameAndReplacesOldOnes() throws IOException {
        Path dir = tmp.resolve("layout");
        export("type=oci,dest=" + dir + ",tar=false");
        Descriptor other = TestImages.oneFileImage(store, "other:1", "f", "x");
        Exporters.export(store, other, OutputSpec.parse("type=oci,dest=" + dir + ",tar=false"), System.out);

        assertThat(inspect("oci:" + dir + ":latest").path("Digest").asText()).isEqualTo(other.digest().toString());
        assertThat(ImageCodec.decodeIndex(Files.readAllBytes(dir.resolve("index.json"))).manifests()).hasSize(1);
        assertThat(dir.resolve("index.json.lock")).doesNotExist();
        Path copy = tmp.resolve("copy");
        Tools.run("skopeo", "copy", "-q", "oci:" + dir + ":latest", "oci:" + copy + ":y");
    }

    @Test
    void dockerArchiveHasManifestJsonBesideTheLayoutAndSkopeoReadsIt() throws IOException {
        Path out = tmp.resolve("docker.tar");
        export("type=docker,dest=" + out + ",name=app:1.0");

        assertThat(tarNames(out)).contains("manifest.json", "index.json", "oci-layout");
        JsonNode manifest = JSON.readTree(tarFile(out, "manifest.json"));
        assertThat(manifest).hasSize(1);
        assertThat(manifest.get(0).path("RepoTags").get(0).asText()).isEqualTo("app:1.0");
        assertThat(manifest.get(0).path("Layers")).hasSize(2);
        assertThat(manifest.get(0).path("Config").asText()).startsWith("blobs/sha256/");

        assertThat(inspect("docker-archive:" + out).path("Layers")).hasSize(2);
        // skopeo finds the image by the RepoTags name
        assertThat(inspect("docker-archive:" + out + ":app:1.0").path("Layers")).hasSize(2);
        Path copy = tmp.resolve("copy");
        Tools.run("skopeo", "copy", "-q", "docker-archive:" + out, "oci:" + copy + ":y");
        Path unpacked = tmp.resolve("from-docker-archive");
        Tools.run("umoci", "unpack", "--image", copy + ":y", unpacked.toString());
        assertThat(TreeListing.of(unpacked.resolve("rootfs"))).isEqualTo(TreeListing.of(umociUnpack()));
    }

    @Test
    void localOutputIsWhatUmociUnpacks() {
        Path dest = tmp.resolve("local");
        ExportResult result = export(dest.toString());

        Map<String, String> ours = TreeListing.of(dest);
        assertThat(ours).isEqualTo(TreeListing.of(umociUnpack()));
        assertThat(ours).containsKeys("etc/hostname", "bin/tool", "bin/alias", "var/cache/c")
                .doesNotContainKeys("etc/old.conf", "var/cache/a", "etc/.wh.old.conf", "var/cache/.wh..wh..opq");
        assertThat(ours.get("etc/hostname")).endsWith("changed\n");
        assertThat(ours.get("bin/tool-link")).contains("nlink=2");
        assertThat(result.manifest()).isEmpty();
    }

    @Test
    void tarOutputHoldsTheSameFilesAsLocalOutput() throws IOException {
        Path tarFile = tmp.resolve("rootfs.tar");
        export("type=tar,dest=" + tarFile);
        Path dest = tmp.resolve("local");
        export("type=local,dest=" + dest);

        Map<String, String> fromTar = new java.util.TreeMap<>();
        try (var tar = new TarArchiveInputStream(Files.newInputStream(tarFile))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String content = e.isSymbolicLink() || e.isLink() ? e.getLinkName() : new String(tar.readAllBytes());
                fromTar.put(e.getName().replaceAll("/$", ""), String.format("%o %d:%d %s",
                        e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(), content));
            }
        }
        Map<String, String> fromDir = new java.util.TreeMap<>();
        TreeListing.of(dest).forEach((name, line) -> fromDir.put(name, line));
        assertThat(fromTar.keySet()).isEqualTo(fromDir.keySet());
        assertThat(fromTar.get("bin/tool")).startsWith("4755 0:0 #!/bin/sh");
        assertThat(fromTar.get("home/user/notes")).isEqualTo("600 1000:1000 mine\n");
        assertThat(fromTar.get("bin/alias")).endsWith(" tool");
        assertThat(fromTar.get("bin/tool-link")).endsWith(" bin/tool");
    }

    @Test
    void tarOutputCanGoToStandardOutput() throws IOException {
        var stdout = new ByteArrayOutputStream();
        Exporters.export(store, image, OutputSpec.parse("-"), stdout);
        List<String> names = new ArrayList<>();
        try (var tar = new TarArchiveInputStream(new java.io.ByteArrayInputStream(stdout.toByteArray()))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("etc/hostname", "var/cache/c");
    }

    @Test
    void imageOutputNamesTheImageInTheStore() {
        ExportResult result = Exporters.export(store, image,
                OutputSpec.parse("type=image").withDefaultNames(List.of("one:latest", "reg.example:5000/two")), System.out);
        assertThat(store.names().get("one").orElseThrow().digest()).isEqualTo(image.digest());
        assertThat(store.names().get("reg.example:5000/two:latest")).isPresent();
        assertThat(result.names()).extracting(n -> n.toString())
                .containsExactly("docker.io/library/one:latest", "reg.example:5000/two:latest");
    }

    @Test
    void aMissingLayerFailsTheExportAndLeavesNoFile() throws IOException {
        var manifest = ImageCodec.decodeManifest(store.blobs().readAll(image.digest()));
        Files.delete(store.blobs().path(manifest.layers().get(1).digest()));
        Path out = tmp.resolve("broken.tar");
        assertThatThrownBy(() -> export("type=oci,dest=" + out))
                .isInstanceOf(TransportException.class).hasMessageContaining("missing from the store");
        assertThat(out).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    private ExportResult export(String spec) {
        return Exporters.export(store, image, OutputSpec.parse(spec), System.out);
    }

    private Path umociUnpack() {
        Path bundle = tmp.resolve("umoci-bundle");
        if (!Files.exists(bundle)) {
            Tools.run("umoci", "unpack", "--image", store.root() + ":app:1.0", bundle.toString());
        }
        return bundle.resolve("rootfs");
    }

    private static JsonNode inspect(String ref) throws IOException {
        return JSON.readTree(Tools.run("skopeo", "inspect", ref));
    }

    private String blobPath(ExportResult result, int i) {
        List<String> all = new ArrayList<>(ImageGraph.blobs(store.blobs(), image).stream()
                .map(d -> ImageArchive.blobPath(d.digest())).sorted().toList());
        return all.get(i);
    }

    static List<String> tarNames(Path tarFile) throws IOException {
        List<String> names = new ArrayList<>();
        try (var tar = new TarArchiveInputStream(Files.newInputStream(tarFile))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        return names;
    }

    static byte[] tarFile(Path tarFile, String name) throws IOException {
        try (var tar = new TarArchiveInputStream(Files.newInputStream(tarFile))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return ((InputStream) tar).readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " not in " + tarFile);
    }
}
