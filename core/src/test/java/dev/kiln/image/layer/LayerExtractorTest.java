package dev.kiln.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.internal.sys.FileNodes;
import dev.kiln.internal.sys.Xattrs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every entry type lands as the header describes it. */
class LayerExtractorTest {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    @TempDir
    Path root;

    private ExtractionResult extract(ExtractionTestTar tar) {
        return new LayerExtractor(ExtractionOptions.flatten()).extract(tar.stream(), root);
    }

    private static Object attribute(Path path, String name) throws IOException {
        return Files.getAttribute(path, name, NOFOLLOW);
    }

    private static int mode(Path path) throws IOException {
        return (int) attribute(path, "unix:mode");
    }

    @Test
    void regularFilesAndDirectoriesKeepContentModeOwnerAndTimes() throws IOException {
        FileTime older = FileTime.fromMillis(1_000_000_000_000L);
        var tar = new ExtractionTestTar()
                .dir("etc/", 0750)
                .file("etc/hosts", "127.0.0.1 localhost\n", 0640, e -> {
                    e.setUserId(1000);
                    e.setGroupId(2000);
                    e.setModTime(older);
                })
                .file("etc/big-ids", "x", 0600, e -> {
                    e.setUserId(3_000_000_000L); // needs a PAX header: above the ustar octal range
                    e.setGroupId(65534);
                });
        ExtractionResult result = extract(tar);

        assertThat(result.entries()).isEqualTo(3);
        Path hosts = root.resolve("etc/hosts");
        assertThat(hosts).hasContent("127.0.0.1 localhost");
        assertThat(mode(hosts) & 07777).isEqualTo(0640);
        assertThat(attribute(hosts, "unix:uid")).isEqualTo(1000);
        assertThat(attribute(hosts, "unix:gid")).isEqualTo(2000);
        assertThat(Files.getLastModifiedTime(hosts)).isEqualTo(older);
        assertThat(Integer.toUnsignedLong((int) attribute(root.resolve("etc/big-ids"), "unix:uid")))
                .isEqualTo(3_000_000_000L);
        // The directory's time is set after its children were written into it.
        assertThat(Files.getLastModifiedTime(root.resolve("etc"))).isEqualTo(ExtractionTestTar.MTIME);
        assertThat(mode(root.resolve("etc")) & 07777).isEqualTo(0750);
    }

    @Test
    void setuidSetgidAndStickyBitsSurvive() throws IOException {
        extract(new ExtractionTestTar()
                .file("usr/bin/su", "#!", 04755)
                .file("usr/bin/wall", "#!", 02755)
                .dir("tmp", 01777));
        assertThat(mode(root.resolve("usr/bin/su")) & 07777).isEqualTo(04755);
        assertThat(mode(root.resolve("usr/bin/wall")) & 07777).isEqualTo(02755);
        assertThat(mode(root.resolve("tmp")) & 07777).isEqualTo(01777);
        assertThat(mode(root.resolve("usr")) & 07777).as("implicit parent").isEqualTo(0755);
    }

    @Test
    void symlinksKeepTheirTargetsAsContent() throws IOException {
        extract(new ExtractionTestTar()
                .symlink("etc/localtime", "/usr/share/zoneinfo/UTC")
                .symlink("lib64", "lib")
                .with("bin", TarConstants.LF_SYMLINK, 0777, e -> {
                    e.setLinkName("usr/bin");
                    e.setUserId(7);
                    e.setModTime(FileTime.fromMillis(5_000));
                }));
        assertThat(Files.readSymbolicLink(root.resolve("etc/localtime"))).isEqualTo(Path.of("/usr/share/zoneinfo/UTC"));
        assertThat(Files.readSymbolicLink(root.resolve("lib64"))).isEqualTo(Path.of("lib"));
        assertThat(attribute(root.resolve("bin"), "unix:uid")).isEqualTo(7);
        assertThat(Files.getLastModifiedTime(root.resolve("bin"), NOFOLLOW)).isEqualTo(FileTime.fromMillis(5_000));
    }

    @Test
    void hardlinksShareTheInode() throws IOException {
        extract(new ExtractionTestTar().file("bin/busybox", "elf", 0755).hardlink("bin/sh", "bin/busybox")
                .hardlink("sh2", "/bin/busybox"));
        Object inode = attribute(root.resolve("bin/busybox"), "unix:ino");
        assertThat(attribute(root.resolve("bin/sh"), "unix:ino")).isEqualTo(inode);
        assertThat(attribute(root.resolve("sh2"), "unix:ino")).isEqualTo(inode);
        assertThat(attribute(root.resolve("bin/busybox"), "unix:nlink")).isEqualTo(3);
    }

    @Test
    void devicesAndFifos() throws IOException {
        extract(new ExtractionTestTar()
                .device("dev/null", TarConstants.LF_CHR, 1, 3, 0666)
                .device("dev/loop0", TarConstants.LF_BLK, 7, 0, 0660)
                .device("dev/big", TarConstants.LF_CHR, 300, 70000, 0600)
                .with("run/fifo", TarConstants.LF_FIFO, 0620, e -> { }));
        assertThat(mode(root.resolve("dev/null"))).isEqualTo(0020666);
        assertThat(attribute(root.resolve("dev/null"), "unix:rdev")).isEqualTo(FileNodes.makedev(1, 3));
        assertThat(mode(root.resolve("dev/loop0"))).isEqualTo(0060660);
        assertThat(attribute(root.resolve("dev/loop0"), "unix:rdev")).isEqualTo(FileNodes.makedev(7, 0));
        assertThat(attribute(root.resolve("dev/big"), "unix:rdev")).isEqualTo(FileNodes.makedev(300, 70000));
        assertThat(mode(root.resolve("run/fifo"))).isEqualTo(0010620);
    }

    @Test
    void deviceNumbersMatchWhatCoreutilsMknodCreates() throws Exception {
        Path reference = root.resolve("reference");
        Process mknod = new ProcessBuilder("mknod", reference.toString(), "c", "300", "70000").inheritIO().start();
        assertThat(mknod.waitFor()).isZero();
        assertThat(FileNodes.makedev(300, 70000)).isEqualTo(attribute(reference, "unix:rdev"));
    }

    @Test
    void paxXattrsAreAppliedButOverlayBookkeepingIsNot() throws IOException {
        ExtractionResult result = extract(new ExtractionTestTar().file("f", "x", 0644, e -> {
            e.addPaxHeader("SCHILY.xattr.user.kiln", "yes");
            e.addPaxHeader("SCHILY.xattr.trusted.overlay.opaque", "y");
        }));
        Path f = root.resolve("f");
        assertThat(Xattrs.get(f, "user.kiln")).hasValueSatisfying(
                value -> assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("yes"));
        assertThat(Xattrs.get(f, "trusted.overlay.opaque")).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("trusted.overlay.opaque");
    }

    @Test
    void laterEntriesReplaceEarlierOnesButDirectoriesMerge() throws IOException {
        extract(new ExtractionTestTar().file("a", "file", 0644).dir("keep", 0700).file("keep/old", "1", 0644)
                .file("d/x", "x", 0644));
        extract(new ExtractionTestTar().dir("a", 0755).file("a/inside", "now a dir", 0644)
                .dir("keep", 0755).file("d", "now a file", 0644));
        assertThat(root.resolve("a/inside")).hasContent("now a dir");
        assertThat(root.resolve("keep/old")).hasContent("1");
        assertThat(mode(root.resolve("keep")) & 07777).isEqualTo(0755);
        assertThat(root.resolve("d")).isRegularFile().hasContent("now a file");
    }

    @Test
    void writesFollowRelativeSymlinksThatStayInside() throws IOException {
        extract(new ExtractionTestTar().dir("usr/lib", 0755).symlink("lib", "usr/lib"));
        extract(new ExtractionTestTar().file("lib/libc.so", "elf", 0755));
        assertThat(Files.isSymbolicLink(root.resolve("lib"))).isTrue();
        assertThat(root.resolve("usr/lib/libc.so")).hasContent("elf");
    }

    @Test
    void theRootEntrySetsTheRootsMetadata() throws IOException {
        extract(new ExtractionTestTar().dir("./", 0711).file("./a", "x", 0644));
        assertThat(mode(root) & 07777).isEqualTo(0711);
        assertThat(root.resolve("a")).hasContent("x");
    }

    @Test
    void ownershipCanBeLeftAlone() throws IOException {
        new LayerExtractor(ExtractionOptions.flatten().withOwnership(false))
                .extract(new ExtractionTestTar().file("f", "x", 0644, e -> e.setUserId(4242)).stream(), root);
        assertThat(attribute(root.resolve("f"), "unix:uid")).isEqualTo(0);
    }

    @Test
    void aTruncatedTarIsAClearError() {
        byte[] whole = new ExtractionTestTar().file("f", "x".repeat(5000), 0644).bytes();
        byte[] truncated = java.util.Arrays.copyOf(whole, 1024);
        assertThatThrownBy(() -> new LayerExtractor(ExtractionOptions.flatten())
                .extract(new java.io.ByteArrayInputStream(truncated), root))
                .isInstanceOf(dev.kiln.KilnException.class)
                .hasMessageContaining("\"f\"");
    }
}
