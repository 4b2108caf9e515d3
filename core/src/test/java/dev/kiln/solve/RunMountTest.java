package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.copy.ContextFilter;
import dev.kiln.solve.mount.BuildSecrets;
import dev.kiln.solve.mount.RunMountInputs;
import dev.kiln.solve.mount.SshForwards;
import dev.kiln.store.Store;
import dev.kiln.testing.BusyboxImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every RUN --mount type end to end through Solver.build, with real runc and overlayfs. */
class RunMountTest {
    @TempDir
    Path home;
    @TempDir
    Path context;
    MountBuilds builds;

    @BeforeEach
    void setUp() throws IOException {
        var store = Store.open(home);
        BusyboxImage.importInto(store, "busybox");
        Files.writeString(context.resolve("hello.txt"), "hello from the context\n");
        Files.createDirectories(context.resolve("sub"));
        Files.writeString(context.resolve("sub/inner.txt"), "inner\n");
        builds = new MountBuilds(store, context);
    }

    @AfterEach
    void nothingLeftBehind() throws IOException {
        assertThat(MountBuilds.mountsUnder(home)).isEmpty();
        try (var left = Files.list(home.resolve("tmp"))) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void contextBindIsReadOnlyAndStaysOutOfTheLayer() {
        var result = builds.build("""
                FROM busybox
                RUN --mount=target=/ctx cat /ctx/hello.txt > /out.txt && \\
                    (touch /ctx/new 2>/dev/null && echo writable || echo read-only) > /ro.txt
                """);
        assertThat(builds.lastLayer(result))
                .containsEntry("out.txt", "hello from the context\n")
                .containsEntry("ro.txt", "read-only\n")
                .doesNotContainKeys("ctx/", "ctx");
        assertThat(context.resolve("new")).doesNotExist();
    }

    @Test
    void rwBindWritesAreDiscarded() throws IOException {
        var result = builds.build("""
                FROM busybox
                WORKDIR /w
                RUN --mount=type=bind,source=sub,target=mnt,rw echo changed > mnt/inner.txt && echo new > mnt/new \\
                    && cat mnt/inner.txt > /seen.txt
                """);
        assertThat(builds.lastLayer(result)).containsEntry("seen.txt", "changed\n")
                .doesNotContainKeys("w/mnt/", "w/mnt", "w/mnt/new");
        assertThat(Files.readString(context.resolve("sub/inner.txt"))).isEqualTo("inner\n");
        assertThat(context.resolve("sub/new")).doesNotExist();
    }

    @Test
    void sourceCannotLeaveTheContext() {
        var result = builds.build("""
                FROM busybox
                RUN --mount=source=../../..,target=/ctx ls /ctx > /listing
                """);
        assertThat(builds.lastLayer(result).get("listing")).contains("hello.txt").doesNotContain("proc");
    }

    @Test
    void ignoredContextFilesAreNotMounted() {
        var inputs = new RunMountInputs(BuildSecrets.none(), SshForwards.none(), path -> path.equals("hello.txt"));
        var result = builds.build("""
                FROM busybox
                RUN --mount=target=/ctx ls /ctx > /listing
                """, inputs);
        assertThat(builds.lastLayer(result).get("listing")).contains("sub").doesNotContain("hello.txt");
    }

    @Test
    void bindFromAStageAndFromAnImage() {
        var result = builds.build("""
                FROM busybox AS build
                RUN mkdir /out && echo artifact > /out/app.bin
                FROM busybox
                RUN --mount=from=build,source=/out,target=/in,rw cat /in/app.bin > /got && echo x > /in/app.bin
                RUN --mount=from=build,source=/out,target=/in cat /in/app.bin > /again
                RUN --mount=type=bind,from=busybox,source=/etc/issue,target=/etc/base-issue cat /etc/base-issue > /issue
                """);
        var layers = result.image().layers();
        assertThat(builds.entries(layers.get(1))).containsEntry("got", "artifact\n").doesNotContainKey("in/");
        assertThat(builds.entries(layers.get(2))).containsEntry("again", "artifact\n");
        assertThat(builds.entries(layers.get(3))).containsEntry("issue", "Busybox test image\n")
                .doesNotContainKey("etc/base-issue").doesNotContainKey("etc/");
    }

    @Test
    void tmpfsMountsHaveTheirSizeAndLeaveNothing() {
        var result = builds.build("""
                FROM busybox
                RUN --mount=type=tmpfs,target=/scratch,size=1m echo x > /scratch/f && grep ' /scratch ' /proc/mounts > /m
                """);
        var layer = builds.lastLayer(result);
        assertThat(layer.get("m")).contains("tmpfs").contains("size=1024k");
        assertThat(layer).doesNotContainKeys("scratch/", "scratch/f");
    }

    @Test
    void cacheMountsKeepTheirContentAcrossBuildsAndNeverReachALayer() {
        var dockerfile = """
                FROM busybox
                RUN --mount=type=cache,target=/var/cache/app,uid=1000,gid=1000,mode=0750 \\
                    echo run >> /var/cache/app/runs && stat -c '%a %u %g' /var/cache/app > /perm \\
                    && wc -l < /var/cache/app/runs > /count
                """;
        var first = builds.lastLayer(builds.build(dockerfile));
        // an identical step would be a build-cache hit and not run; a changed one runs against the same cache mount
        var second = builds.lastLayer(builds.build(dockerfile.replace("> /count", "> /count && true")));
        assertThat(first).containsEntry("count", "1\n").containsEntry("perm", "750 1000 1000\n")
                .doesNotContainKeys("var/cache/app/", "var/", "var/cache/");
        assertThat(second).containsEntry("count", "2\n");
        try (var dirs = Files.list(home.resolve("cache-mounts"))) {
            assertThat(dirs.map(p -> p.getFileName().toString()).toList()).anyMatch(n -> n.startsWith("var_cache_app-"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void cacheSeededFromAStage() {
        var result = builds.build("""
                FROM busybox AS seed
                RUN mkdir /seed && echo seeded > /seed/s.txt
                FROM busybox
                RUN --mount=type=cache,id=seeded,from=seed,source=/seed,target=/c cat /c/s.txt > /got
                """);
        assertThat(builds.lastLayer(result)).containsEntry("got", "seeded\n");
    }

    @Test
    void secretsAreMountedAndExposedButNeverStored() throws IOException {
        var secretFile = context.getParent().resolve("token-" + System.nanoTime());
        var token = "s3cr3t-" + System.nanoTime();
        Files.writeString(secretFile, token);
        try {
            var secrets = BuildSecrets.parse(List.of("id=tok,src=" + secretFile, "id=api,env=KILN_TEST_UNSET_VAR"),
                    Map.of());
            var inputs = new RunMountInputs(secrets, SshForwards.none(), ContextFilter.NONE);
            var result = builds.build("""
                    FROM busybox
                    RUN --mount=type=secret,id=tok,mode=0440,uid=1000 --mount=type=secret,id=tok,env=TOKEN \\
                        --mount=type=secret,id=none \\
                        stat -c '%a %u' /run/secrets/tok > /perm && test "$TOKEN" = "$(cat /run/secrets/tok)" \\
                        && echo same > /same && test ! -e /run/secrets/none && echo skipped > /optional \
                        && grep ' /run/secrets/tok ' /proc/mounts > /fs && echo other > /run/secrets/other
                    """, inputs);
            assertThat(builds.lastLayer(result)).containsEntry("perm", "440 1000\n").containsEntry("same", "same\n")
                    .containsEntry("optional", "skipped\n").containsEntry("run/secrets/other", "other\n")
                    .doesNotContainKey("run/secrets/tok");
            assertThat(builds.lastLayer(result).get("fs")).as("the secret's copy is on a tmpfs").contains("tmpfs");
            var needle = token.getBytes(StandardCharsets.UTF_8);
            assertThat(builds.allBlobContents()).noneMatch(blob -> contains(blob, needle));
            assertThat(builds.log).noneMatch(line -> line.contains(token));
        } finally {
            Files.deleteIfExists(secretFile);
        }
    }

    @Test
    void aMissingRequiredSecretIsAClearError() {
        assertThatThrownBy(() -> builds.build("""
                FROM busybox
                RUN --mount=type=secret,id=needed,required true
                """))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("Dockerfile:2")
                .hasMessageContaining("secret needed is required")
                .hasMessageContaining("--secret id=needed");
    }

    @Test
    void sshAgentSocketIsForwarded() throws Exception {
        var agentDir = Files.createTempDirectory("kiln-ssh-test");
        var socket = agentDir.resolve("agent.sock");
        var agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 200 && !Files.exists(socket); i++) Thread.sleep(25);
            var inputs = new RunMountInputs(BuildSecrets.none(),
                    SshForwards.parse(List.of("default"), Map.of("SSH_AUTH_SOCK", socket.toString())),
                    ContextFilter.NONE);
            var result = builds.build("""
                    FROM busybox
                    RUN --mount=type=ssh,mode=0666 test -S "$SSH_AUTH_SOCK" && echo "$SSH_AUTH_SOCK" > /sock \\
                        && stat -c %a "$SSH_AUTH_SOCK" > /mode
                    """, inputs);
            assertThat(builds.lastLayer(result)).containsEntry("sock", "/run/buildkit/ssh_agent.0\n")
                    .containsEntry("mode", "666\n").doesNotContainKeys("run/", "run/buildkit/");
        } finally {
            agent.destroy();
            agent.waitFor();
            Files.deleteIfExists(socket);
            Files.deleteIfExists(agentDir);
        }
    }

    @Test
    void aMissingRequiredSshAgentIsAClearError() {
        assertThatThrownBy(() -> builds.build("""
                FROM busybox
                RUN --mount=type=ssh,required=true true
                """))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("ssh agent default is required")
                .hasMessageContaining("--ssh default");
    }

    @Test
    void aFailingStepWithEveryMountTypeLeavesNoMountsOrTempDirs() {
        var secretFile = context.resolve("s");
        assertThatThrownBy(() -> {
            Files.writeString(secretFile, "x");
            var inputs = new RunMountInputs(BuildSecrets.parse(List.of("id=s,src=" + secretFile), Map.of()),
                    SshForwards.none(), ContextFilter.NONE);
            builds.build("""
                    FROM busybox AS other
                    RUN echo > /o
                    FROM busybox
                    RUN --mount=target=/ctx,rw --mount=from=other,target=/other --mount=type=cache,target=/c \\
                        --mount=type=tmpfs,target=/t --mount=type=secret,id=s exit 7
                    """, inputs);
        }).isInstanceOf(StepFailedException.class).hasMessageContaining("exit code 7");
        // @AfterEach checks the mount table and the temp dir
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
