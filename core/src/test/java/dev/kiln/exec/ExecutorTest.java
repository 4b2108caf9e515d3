package dev.kiln.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.kiln.image.ImageConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs real processes with real runc and with the chroot fallback, in a busybox root. */
class ExecutorTest {
    @TempDir Path tmp;
    Path rootfs;

    @BeforeEach
    void rootfs() throws Exception {
        rootfs = BusyboxRootfs.create(tmp.resolve("rootfs"));
    }

    private Executor executor(String kind) {
        return Executors.choose(kind, System.getenv("PATH"), tmp.resolve("work"), n -> {});
    }

    private Collected run(String kind, ExecSpec spec, int expectedStatus) {
        Collected out = new Collected();
        int status = executor(kind).run(spec, out);
        assertThat(status).as("exit status; stderr: %s", out.stderr).isEqualTo(expectedStatus);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void exitCodesPropagate(String kind) {
        run(kind, ExecSpec.shell(rootfs, "exit 42"), 42);
        run(kind, ExecSpec.shell(rootfs, "true"), 0);
        run(kind, ExecSpec.shell(rootfs, "sh -c 'kill -9 $$'; exit $?"), 137);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void streamsOutputLinesAsTheyAreWritten(String kind) {
        // The step waits for a file that the listener creates only when it has seen the first line.
        String script = "echo first; echo oops >&2; i=0; while [ ! -e /tmp/go ] && [ $i -lt 200 ]; do sleep 0.05; "
                + "i=$((i+1)); done; [ -e /tmp/go ] && echo second";
        List<String> lines = new ArrayList<>();
        int status = executor(kind).run(ExecSpec.shell(rootfs, script), (stream, text) -> {
            synchronized (lines) {
                lines.add(stream + ":" + text);
            }
            if (text.equals("first")) touch(rootfs.resolve("tmp/go"));
        });
        assertThat(status).isZero();
        assertThat(lines).containsExactlyInAnyOrder("STDOUT:first", "STDERR:oops", "STDOUT:second");
        assertThat(lines.indexOf("STDOUT:first")).isLessThan(lines.indexOf("STDOUT:second"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void noNetworkModeHasOnlyLoopback(String kind) throws IOException {
        String script = "ls /sys/class/net; cat /sys/class/net/lo/operstate";
        Collected none = run(kind, ExecSpec.shell(rootfs, script).withNetwork(ExecSpec.Network.NONE), 0);
        assertThat(none.stdout).containsExactly("lo", "unknown");
        List<String> hostInterfaces;
        try (Stream<Path> s = Files.list(Path.of("/sys/class/net"))) {
            hostInterfaces = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Collected host = run(kind, ExecSpec.shell(rootfs, "ls /sys/class/net"), 0);
        assertThat(host.stdout).containsExactlyElementsOf(hostInterfaces);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void processSeesItsOwnNamespacesEnvAndDirectory(String kind) {
        ExecSpec spec = ExecSpec.shell(rootfs, "echo $$; hostname; pwd; echo $FOO; echo ${JAVA_HOME:-no-host-env}; echo $HOME; grep -c buildkitsandbox /etc/hosts; "
                        + "ls /dev/null /dev/pts /dev/shm; mount | grep -c ' /proc '")
                .withCwd("/work/dir").withEnv(List.of("PATH=" + ImageConfig.DEFAULT_PATH, "FOO=bar baz"));
        Collected out = run(kind, spec, 0);
        assertThat(out.stdout.subList(0, 7))
                .containsExactly("1", "buildkitsandbox", "/work/dir", "bar baz", "no-host-env", "/root", "1");
        assertThat(out.stdout).contains("/dev/null", "1");
        assertThat(rootfs.resolve("work/dir")).isDirectory();
    }

    @Test
    void runcSetsUserAndSupplementaryGroups() {
        ExecSpec spec = ExecSpec.shell(rootfs, "id -u; id -g; id -G")
                .withUser(new ExecSpec.User(1000, 1000, List.of(5, 6)));
        assertThat(run("runc", spec, 0).stdout).containsExactly("1000", "1000", "1000 5 6");
    }

    @Test
    void chrootSetsUserAndGroup() {
        ExecSpec spec = ExecSpec.shell(rootfs, "id -u; id -g").withUser(new ExecSpec.User(1000, 1000, List.of()));
        assertThat(run("chroot", spec, 0).stdout).containsExactly("1000", "1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void bindMountsAreVisibleReadOnlyAndTheirMountPointsRemoved(String kind) throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("f"), "hello");
        ExecSpec spec = ExecSpec.shell(rootfs, "cat /mnt/in/f; echo; touch /mnt/in/x 2>/dev/null || echo read-only")
                .withMounts(List.of(new ExecSpec.BindMount(shared, "/mnt/in", true)));
        assertThat(run(kind, spec, 0).stdout).containsExactly("hello", "read-only");
        assertThat(rootfs.resolve("mnt")).doesNotExist();
        assertThat(shared.resolve("x")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void leavesNoBundleBehind(String kind) throws IOException {
        run(kind, ExecSpec.shell(rootfs, "exit 3"), 3);
        try (Stream<Path> s = Files.list(tmp.resolve("work"))) {
            assertThat(s.toList()).isEmpty();
        }
        // only this test's containers: other builds on the machine may be running their own
        assertThat(ProcessRunner.capture(List.of("runc", "list"))).doesNotContain(tmp.toString());
    }

    @Test
    void choosesRuncWhenInstalledAndChrootOtherwise() {
        List<String> notices = new ArrayList<>();
        assertThat(Executors.choose(null, System.getenv("PATH"), tmp, notices::add)).isInstanceOf(RuncExecutor.class);
        assertThat(notices).isEmpty();
        assertThat(Executors.choose(null, tmp.toString(), tmp, notices::add)).isInstanceOf(ChrootExecutor.class);
        assertThat(notices).singleElement().asString().contains("chroot");
        assertThatThrownBy(() -> Executors.choose("no-such-runtime", System.getenv("PATH"), tmp, notices::add))
                .isInstanceOf(ExecException.class).hasMessageContaining("KILN_RUNTIME");
    }

    private static void touch(Path p) {
        try {
            Files.writeString(p, "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
