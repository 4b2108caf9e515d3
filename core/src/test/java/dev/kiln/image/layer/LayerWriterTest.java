package dev.kiln.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.image.Digest;
import dev.kiln.image.MediaType;
import dev.kiln.image.MediaType.Compression;
import dev.kiln.store.BlobStore;
import dev.kiln.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayerWriterTest {
    private static final long EPOCH = 1_700_000_000L;
    private static final String LONG_NAME = "deep/" + "d".repeat(120) + "/" + "f".repeat(150) + ".txt";

    @TempDir
    Path dir;

    private BlobStore blobs() {
        return Store.open(dir.resolve("store")).blobs();
    }

    static List<LayerEntry> sampleEntries() {
        byte[] big = ParallelGzipOutputStreamTest.mixedData(700_000, 3);
        return List.of(
                new LayerEntry.RegularFile("usr/bin/tool", EntryAttributes.of(04755, 0, 0), ContentSource.of(big)),
                LayerEntry.file("etc/motd", 0644, "hello\n".getBytes(StandardCharsets.UTF_8)),
                LayerEntry.symlink("usr/bin/alias", "tool"),
                new LayerEntry.Hardlink("etc/motd.again", EntryAttributes.ROOT_FILE, "etc/motd"),
                new LayerEntry.Directory("home/app", EntryAttributes.of(0700, 1000, 1000)),
                new LayerEntry.RegularFile("home/app/big-ids", EntryAttributes.of(0600, 3_000_000, 4_000_000),
                        ContentSource.of(new byte[0])),
                LayerEntry.file(LONG_NAME, 0644, "long".getBytes(StandardCharsets.UTF_8)),
                LayerEntry.file("caf\u00e9/\u65e5\u672c.txt", 0644, "utf8".getBytes(StandardCharsets.UTF_8)),
                new LayerEntry.Device("dev/null", EntryAttributes.of(0666), LayerEntry.DeviceKind.CHARACTER, 1, 3),
                new LayerEntry.Device("dev/loop0", EntryAttributes.of(0660, 0, 6), LayerEntry.DeviceKind.BLOCK, 7, 0),
                new LayerEntry.Fifo("run/pipe", EntryAttributes.of(0600)),
                new LayerEntry.RegularFile("etc/labelled", EntryAttributes.ROOT_FILE
                        .withXattrs(Map.of("user.kiln", "yes".getBytes(StandardCharsets.UTF_8))),
                        ContentSource.of(new byte[] {1})),
                LayerEntry.file("etc/.wh.removed", 0644, new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void reportsDigestsAndSizesThatMatchTheBlob(Compression compression) throws Exception {
        BlobStore blobs = blobs();
        LayerBlob layer = new LayerWriter(blobs, new LayerOptions(compression, EPOCH)).write(sampleEntries());

        byte[] stored = Files.readAllBytes(blobs.path(layer.descriptor().digest()));
        assertThat(layer.descriptor().digest()).isEqualTo(Digest.of(stored));
        assertThat(layer.descriptor().size()).isEqualTo(stored.length);
        assertThat(layer.descriptor().mediaType()).isEqualTo(MediaType.ociLayer(compression));
        byte[] tar;
        try (InputStream in = LayerBlobs.openTar(blobs, layer)) {
            tar = in.readAllBytes();
        }
        assertThat(layer.diffId()).isEqualTo(Digest.of(tar));
        assertThat(layer.uncompressedSize()).isEqualTo(tar.length);
        assertThat(tar.length % 512).isZero();
        if (compression == Compression.NONE) {
            assertThat(layer.diffId()).isEqualTo(layer.descriptor().digest());
        }
        // a consumer outside the JVM agrees
        String listed = run(dir, "sh", "-c", switch (compression) {
            case NONE -> "tar -tf " + blobs.path(layer.descriptor().digest());
            case GZIP -> "gzip -t " + blobs.path(layer.descriptor().digest()) + " && tar -tzf " + blobs.path(layer.descriptor().digest());
            case ZSTD -> "zstd -q -t " + blobs.path(layer.descriptor().digest()) + " && zstd -dc " + blobs.path(layer.descriptor().digest()) + " | tar -tf -";
        });
        assertThat(listed.lines().toList()).contains("usr/bin/tool", LONG_NAME, "caf\u00e9/\u65e5\u672c.txt", "dev/null");
    }

    @Test
    void writesSortedPaxEntriesWithOneTimeAndNumericOwnersOnly() throws Exception {
        BlobStore blobs = blobs();
        LayerBlob layer = new LayerWriter(blobs, new LayerOptions(Compression.GZIP, EPOCH)).write(sampleEntries());
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (var tar = new TarArchiveInputStream(LayerBlobs.openTar(blobs, layer))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                entries.add(e);
            }
        }
        List<String> names = entries.stream().map(TarArchiveEntry::getName).toList();
        assertThat(names).containsExactly("caf\u00e9/", "caf\u00e9/\u65e5\u672c.txt", "deep/", "deep/" + "d".repeat(120) + "/",
                LONG_NAME, "dev/", "dev/loop0", "dev/null", "etc/", "etc/.wh.removed", "etc/labelled", "etc/motd",
                "etc/motd.again", "home/", "home/app/", "home/app/big-ids", "run/", "run/pipe", "usr/", "usr/bin/",
                "usr/bin/alias", "usr/bin/tool");
        for (TarArchiveEntry e : entries) {
            assertThat(e.getLastModifiedTime().toMillis()).as(e.getName()).isEqualTo(EPOCH * 1000);
            assertThat(e.getUserName()).isEmpty();
            assertThat(e.getGroupName()).isEmpty();
            assertThat(e.getLastAccessTime()).isNull();
            assertThat(e.getStatusChangeTime()).isNull();
        }
        TarArchiveEntry tool = byName(entries, "usr/bin/tool");
        assertThat(tool.getMode()).isEqualTo(04755);
        assertThat(tool.getSize()).isEqualTo(700_000);
        assertThat(byName(entries, "home/app/big-ids").getLongUserId()).isEqualTo(3_000_000);
        assertThat(byName(entries, "home/app/big-ids").getLongGroupId()).isEqualTo(4_000_000);
        assertThat(byName(entries, "home/app/").getLongUserId()).isEqualTo(1000);
        assertThat(byName(entries, "usr/bin/alias").getLinkName()).isEqualTo("tool");
        assertThat(byName(entries, "etc/motd.again").isLink()).isTrue();
        assertThat(byName(entries, "etc/motd.again").getLinkName()).isEqualTo("etc/motd");
        assertThat(byName(entries, "dev/null").isCharacterDevice()).isTrue();
        assertThat(byName(entries, "dev/null").getDevMinor()).isEqualTo(3);
        assertThat(byName(entries, "dev/loop0").isBlockDevice()).isTrue();
        assertThat(byName(entries, "run/pipe").isFIFO()).isTrue();
        assertThat(byName(entries, "etc/labelled").getExtraPaxHeader("SCHILY.xattr.user.kiln")).isEqualTo("yes");
    }

    @Test
    void ignoresOnDiskTimesAndHonoursModesUnlessTheCallerNormalisesThem() throws Exception {
        Path first = makeTree(dir.resolve("one"), 0644, 0755, 1_000_000_000L);
        Path second = makeTree(dir.resolve("two"), 0600, 0700, 1_600_000_000L); // another umask, other times
        BlobStore blobs = blobs();
        var writer = new LayerWriter(blobs, new LayerOptions(Compression.GZIP, 0));
        // like a checkout: only the owner's x bit is content
        java.util.function.UnaryOperator<EntryAttributes> gitModes =
                a -> new EntryAttributes((a.mode() & 0100) != 0 ? 0755 : 0644, 0, 0, a.xattrs());

        LayerBlob a = writer.write(DirectoryEntries.scan(first, gitModes));
        LayerBlob b = writer.write(DirectoryEntries.scan(second, gitModes));
        LayerBlob again = writer.write(DirectoryEntries.scan(first, gitModes));
        assertThat(b.diffId()).isEqualTo(a.diffId());
        assertThat(b.descriptor()).isEqualTo(a.descriptor());
        assertThat(again).isEqualTo(a);

        LayerBlob rawA = writer.write(DirectoryEntries.scan(first, x -> x));
        LayerBlob rawB = writer.write(DirectoryEntries.scan(second, x -> x));
        assertThat(rawA.diffId()).isNotEqualTo(rawB.diffId());
    }

    @Test
    void pinsTheDiffIdOfASmallLayer() {
        // Regression pin: the uncompressed tar of this layer must never change byte-wise.
        LayerBlob layer = new LayerWriter(blobs(), new LayerOptions(Compression.NONE, 0)).write(List.of(
                LayerEntry.file("hello.txt", 0644, "hello\n".getBytes(StandardCharsets.UTF_8)),
                LayerEntry.symlink("bin/sh", "busybox")));
        assertThat(layer.uncompressedSize()).isEqualTo(4 * 512 + 2 * 512); // bin/, bin/sh, hello.txt + data, end
        assertThat(layer.diffId().toString()).isEqualTo(PINNED_DIFF_ID);
    }

    static final String PINNED_DIFF_ID = "sha256:21ebcd0fd5611cc45c5a6fcfc368ae936e914892d8aa9329fa23fa0d04548601";

    @Test
    void aFileThatChangesWhileWrittenFailsAndLeavesNoBlob() throws Exception {
        ContentSource lying = new ContentSource() {
            @Override
            public long size() {
                return 10;
            }

            @Override
            public InputStream open() {
                return new java.io.ByteArrayInputStream(new byte[4]);
            }
        };
        BlobStore blobs = blobs();
        var writer = new LayerWriter(blobs, LayerOptions.defaults());
        assertThatThrownBy(() -> writer.write(List.of(new LayerEntry.RegularFile("grows", EntryAttributes.ROOT_FILE, lying))))
                .isInstanceOf(LayerException.class).hasMessageContaining("'grows' changed while it was added");
        try (Stream<Path> files = Files.walk(dir.resolve("store/blobs"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void refusesBinaryXattrsItCannotStoreFaithfully() {
        var entry = new LayerEntry.RegularFile("ping", EntryAttributes.of(0755)
                .withXattrs(Map.of("security.capability", new byte[] {1, 0, 0, 2, (byte) 0x80, 0x20, 0, 0})),
                ContentSource.of(new byte[0]));
        assertThatThrownBy(() -> new LayerWriter(blobs(), LayerOptions.defaults()).write(List.of(entry)))
                .isInstanceOf(LayerException.class).hasMessageContaining("security.capability");
    }

    @Test
    void sourceDateEpochIsParsedOrRefusedClearly() {
        assertThat(LayerOptions.sourceDateEpoch(null)).isZero();
        assertThat(LayerOptions.sourceDateEpoch(" 1234 ")).isEqualTo(1234);
        assertThatThrownBy(() -> LayerOptions.sourceDateEpoch("yesterday")).isInstanceOf(LayerException.class)
                .hasMessageContaining("SOURCE_DATE_EPOCH");
    }

    static Path makeTree(Path root, int fileMode, int dirMode, long mtime) throws IOException {
        Files.createDirectories(root.resolve("src/main"));
        Files.writeString(root.resolve("src/main/App.java"), "class App {}\n");
        Files.writeString(root.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.createSymbolicLink(root.resolve("link"), Path.of("run.sh"));
        Files.createLink(root.resolve("src/hard"), root.resolve("src/main/App.java"));
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                int mode = Files.isDirectory(p) ? dirMode : p.endsWith("run.sh") ? fileMode | 0100 : fileMode;
                Files.setPosixFilePermissions(p, posix(mode));
                Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(mtime * 1000));
            }
        }
        return root;
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> posix(int mode) {
        var perms = java.util.EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class);
        var values = java.nio.file.attribute.PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                perms.add(values[i]);
            }
        }
        return perms;
    }

    private static TarArchiveEntry byName(List<TarArchiveEntry> entries, String name) {
        return entries.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    }

    static String run(Path workDir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
