package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.Manifest;
import dev.kiln.image.MediaType;
import dev.kiln.image.Platform;
import dev.kiln.image.layer.DirectoryEntries;
import dev.kiln.image.layer.LayerBlob;
import dev.kiln.image.layer.LayerOptions;
import dev.kiln.image.layer.LayerWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real consumers read what Kiln writes: skopeo inspects and copies an image from the store, and
 * umoci unpacks it into the same file tree that went in. .ci/run installs both.
 */
class OciLayoutConsumersTest {
    private static final String NAME = "kiln-test:1";

    @TempDir
    Path dir;
    private Path input;
    private Store store;
    private Descriptor manifest;
    private byte[] manifestBytes;
    private LayerBlob layer;

    @BeforeEach
    void writeAnImage() throws IOException {
        input = makeTree(dir.resolve("input"));
        store = Store.open(dir.resolve("store"));
        layer = new LayerWriter(store.blobs(), LayerOptions.defaults()).write(DirectoryEntries.scan(input, a -> a));
        var container = new ImageConfig.Container("", null, List.of("PATH=/usr/bin:/bin"), null, List.of("/bin/app"),
                null, "/", Map.of("org.example", "yes"), "", null, null, null, null);
        ImageConfig config = ImageConfig.empty(Platform.current()).withCreated(Instant.EPOCH).withConfig(container)
                .withLayer(layer.diffId(), new ImageConfig.History(Instant.EPOCH, "COPY input /", "", "", false));
        Descriptor configDescriptor = store.blobs().write(ImageCodec.encode(config)).descriptor(MediaType.OCI_CONFIG);
        manifestBytes = ImageCodec.encode(Manifest.oci(configDescriptor, List.of(layer.descriptor())));
        manifest = store.blobs().write(manifestBytes).descriptor(MediaType.OCI_MANIFEST);
        store.names().put(NAME, manifest);
    }

    @Test
    void skopeoInspectsAndCopiesTheImage() throws Exception {
        assumeTrue(onPath("skopeo"), "skopeo is not installed (.ci/run installs it)");
        String ref = "oci:" + store.root() + ":" + NAME;
        JsonNode inspect = new ObjectMapper().readTree(run("skopeo", "inspect", ref));
        assertThat(inspect.get("Digest").asText()).isEqualTo(manifest.digest().toString());
        assertThat(inspect.get("Layers")).hasSize(1);
        assertThat(inspect.get("Layers").get(0).asText()).isEqualTo(layer.descriptor().digest().toString());
        assertThat(inspect.get("Os").asText()).isEqualTo("linux");
        assertThat(inspect.get("Architecture").asText()).isEqualTo(Platform.current().architecture());
        assertThat(inspect.get("Labels").get("org.example").asText()).isEqualTo("yes");
        assertThat(run("skopeo", "inspect", "--raw", ref)).isEqualTo(new String(manifestBytes, StandardCharsets.UTF_8));

        // copying re-reads every blob and checks it against its digest
        run("skopeo", "copy", "--quiet", ref, "oci:" + dir.resolve("copy") + ":copied");
        assertThat(dir.resolve("copy/blobs/sha256/" + layer.descriptor().digest().encoded())).exists();
    }

    @Test
    void umociUnpacksTheSameTreeThatWentIn() throws Exception {
        assumeTrue(onPath("umoci"), "umoci is not installed (.ci/run installs it)");
        Path bundle = dir.resolve("bundle");
        List<String> command = new java.util.ArrayList<>(List.of("umoci", "unpack"));
        if (!"root".equals(System.getProperty("user.name"))) {
            command.add("--rootless");
        }
        command.addAll(List.of("--image", store.root() + ":" + NAME, bundle.toString()));
        run(command.toArray(String[]::new));
        Map<String, String> expected = describe(input);
        assertThat(expected).hasSize(14).containsKeys("etc/pipe", "etc/empty.d", "home/user/random.bin");
        assertThat(expected.get("home/user/random.bin")).contains("owner=1000:1000");
        assertThat(describe(bundle.resolve("rootfs"))).isEqualTo(expected);
        assertThat(Files.isSameFile(bundle.resolve("rootfs/bin/app"), bundle.resolve("rootfs/bin/app-hardlink"))).isTrue();
    }

    private static Path makeTree(Path root) throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("etc/empty.d"));
        Files.createDirectories(root.resolve("home/user"));
        Files.writeString(root.resolve("bin/app"), "#!/bin/sh\necho app\n");
        Files.setPosixFilePermissions(root.resolve("bin/app"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x--x"));
        Files.createLink(root.resolve("bin/app-hardlink"), root.resolve("bin/app"));
        Files.createSymbolicLink(root.resolve("bin/sh"), Path.of("app"));
        Files.createSymbolicLink(root.resolve("etc/absolute"), Path.of("/etc/empty.d"));
        Files.writeString(root.resolve("etc/config.txt"), "key=value\n");
        Files.setPosixFilePermissions(root.resolve("etc/config.txt"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(root.resolve("home/user/" + "n".repeat(140) + ".txt"), "long name\n");
        Files.writeString(root.resolve("home/user/caf\u00e9 \u65e5\u672c.txt"), "utf-8 name\n");
        byte[] big = new byte[3 << 20];
        new java.util.Random(11).nextBytes(big);
        Files.write(root.resolve("home/user/random.bin"), big);
        Files.setPosixFilePermissions(root.resolve("home/user"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        run("chown", "-h", "1000:1000", root.resolve("home/user").toString(), root.resolve("home/user/random.bin").toString());
        run("mkfifo", root.resolve("etc/pipe").toString());
        return root;
    }

    /** path → type, permissions, owner, and content or link target; never times. */
    private static Map<String, String> describe(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> !p.equals(root)).toList()) {
                Map<String, Object> unix = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
                String what = "mode=" + Integer.toOctalString((Integer) unix.get("mode")) + " owner=" + unix.get("uid") + ":" + unix.get("gid");
                if (Files.isSymbolicLink(p)) {
                    what += " -> " + Files.readSymbolicLink(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    what += " sha256=" + dev.kiln.image.Digest.of(Files.readAllBytes(p));
                }
                tree.put(root.relativize(p).toString(), what);
            }
        }
        return tree;
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static String run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + err).isZero();
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
