package dev.kiln.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** tmpfs mounts and file binds on both executors; their mount points do not outlive the step. */
class MountExecutorTest {
    @TempDir Path tmp;
    Path rootfs;

    @BeforeEach
    void rootfs() throws Exception {
        rootfs = BusyboxRootfs.create(tmp.resolve("rootfs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void tmpfsWithSizeAndAFileBind(String kind) throws Exception {
        Path file = Files.writeString(tmp.resolve("secret"), "file content");
        var spec = ExecSpec.shell(rootfs, "grep ' /scratch ' /proc/mounts && echo x > /scratch/f && cat /run/s/file "
                        + "&& (echo y > /run/s/file 2>/dev/null && echo writable || echo read-only)")
                .withMounts(List.of(new ExecSpec.BindMount(file, "/run/s/file", true)))
                .withTmpfs(List.of(new ExecSpec.TmpfsMount("/scratch", 2 * 1024 * 1024)));
        Collected out = new Collected();
        int status = Executors.choose(kind, System.getenv("PATH"), tmp.resolve("work"), n -> {}).run(spec, out);
        assertThat(status).as(out.stderr.toString()).isZero();
        assertThat(out.stdout.toString()).contains("tmpfs /scratch tmpfs").contains("size=2048k")
                .contains("file content").contains("read-only");
        assertThat(rootfs.resolve("scratch")).doesNotExist();
        assertThat(rootfs.resolve("run")).doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("file content");
    }
}
