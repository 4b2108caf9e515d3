package dev.kiln.internal.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyscallsTest {
    @TempDir Path dir;

    @Test
    void mountsAndUnmountsATmpfs() throws Exception {
        Path target = Files.createDirectory(dir.resolve("mnt"));
        Mounts.mount("kiln-test", target, "tmpfs", Mounts.MS_NOSUID, "size=1m,mode=0700");
        try {
            assertThat(mountinfoTargets()).contains(target.toString());
            Files.writeString(target.resolve("f"), "x");
        } finally {
            Mounts.unmountDetached(target);
        }
        assertThat(mountinfoTargets()).doesNotContain(target.toString());
        assertThat(target.resolve("f")).doesNotExist();
    }

    @Test
    void newMountApiMountsATmpfs() throws Exception {
        Path target = Files.createDirectory(dir.resolve("mnt2"));
        try (FsContext fs = FsContext.open("tmpfs")) {
            fs.set("size", "1m").mountAt(target);
        }
        try {
            assertThat(mountinfoTargets()).contains(target.toString());
        } finally {
            Mounts.unmount(target, 0);
        }
        assertThat(mountinfoTargets()).doesNotContain(target.toString());
    }

    @Test
    void failingMountNamesErrnoAndPath() {
        Path missing = dir.resolve("no-such-dir");
        assertThatThrownBy(() -> Mounts.mount("none", missing, "tmpfs", 0, null))
                .isInstanceOf(SysException.class)
                .hasMessageContaining("ENOENT")
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> Mounts.unmount(dir, 0)).isInstanceOf(SysException.class)
                .hasMessageContaining("EINVAL");
    }

    @Test
    void createsAnOverlayWhiteoutDevice() throws Exception {
        Path wh = dir.resolve("gone");
        FileNodes.mkWhiteout(wh);
        int mode = (int) Files.getAttribute(wh, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        long rdev = (long) Files.getAttribute(wh, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
        assertThat(mode & 0170000).isEqualTo(FileNodes.S_IFCHR);
        assertThat(rdev).isZero();
        assertThatThrownBy(() -> FileNodes.mkWhiteout(wh)).hasMessageContaining("EEXIST");
    }

    @Test
    void deviceNumbersRoundTrip() {
        long dev = FileNodes.makedev(259, 70000);
        assertThat(FileNodes.major(dev)).isEqualTo(259);
        assertThat(FileNodes.minor(dev)).isEqualTo(70000);
        assertThat(FileNodes.makedev(1, 3)).isEqualTo(0x103);
    }

    @Test
    void lchownChangesTheLinkNotItsTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("t"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("l"), target);
        FileNodes.lchown(link, 1234, 5678);
        assertThat(Files.getAttribute(link, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1234);
        assertThat(Files.getAttribute(link, "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(5678);
        assertThat(Files.getAttribute(target, "unix:uid")).isEqualTo(0);
    }

    @Test
    void xattrsRoundTrip() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x");
        byte[] value = {0, 1, 2, (byte) 0xff};
        Xattrs.set(f, "user.kiln", value);
        Xattrs.set(f, "trusted.overlay.opaque", "y".getBytes(StandardCharsets.UTF_8));
        assertThat(Xattrs.get(f, "user.kiln")).hasValueSatisfying(v -> assertThat(v).containsExactly(value));
        assertThat(Xattrs.get(f, "user.absent")).isEmpty();
        assertThat(Xattrs.list(f)).contains("user.kiln", "trusted.overlay.opaque");
        Path link = Files.createSymbolicLink(dir.resolve("l"), f);
        assertThat(Xattrs.list(link)).doesNotContain("user.kiln");
        assertThatThrownBy(() -> Xattrs.get(dir.resolve("missing"), "user.x")).hasMessageContaining("ENOENT");
    }

    private static java.util.List<String> mountinfoTargets() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().map(l -> l.split(" ")[4]).toList();
    }
}
