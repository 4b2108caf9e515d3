package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.exec.ExecSpec;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.Platform;
import dev.kiln.image.layer.LayerOptions;
import dev.kiln.image.layer.LayerStreams;
import dev.kiln.plan.BuildRequest;
import dev.kiln.plan.Frontend;
import dev.kiln.snapshot.Snapshotter;
import dev.kiln.store.Store;
import dev.kiln.testing.BusyboxImage;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SolverTest {
    @TempDir
    Path home;
    @TempDir
    Path context;
    Store store;
    List<String> log = new ArrayList<>();
    Snapshotter.Strategy strategy = Snapshotter.Strategy.AUTO;
    String runtime = null;
    int jobs = 2;

    @BeforeEach
    void importBusybox() {
        store = Store.open(home);
        BusyboxImage.importInto(store, "busybox");
    }

    BuildResult build(String dockerfile) {
        return build(dockerfile, false);
    }

    BuildResult build(String dockerfile, boolean noCache) {
        var platform = Platform.current().normalized();
        var plan = Frontend.plan("Dockerfile", dockerfile,
                new BuildRequest(Map.of(), Optional.empty(), platform.toString(), platform.toString()));
        var registry = dev.kiln.registry.RegistryClient.Options.defaults().withRetry(
                new dev.kiln.registry.RetryPolicy(1, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1)));
        var services = new BuildServices(store, LayerOptions.defaults(), strategy, runtime, log::add, registry);
        var options = new BuildOptions(dev.kiln.copy.BuildContext.open(context, null), Map.of(), List.of("result:latest"), Map.of(),
                ExecSpec.Network.HOST, platform, noCache, java.util.Set.of(), jobs, false,
                dev.kiln.solve.mount.RunMountInputs.none());
        return Solver.build(plan, options, services, new StepLog() {
            public void started(String stage, String s) { log.add("start " + s); }
            public void output(String s, String line) { log.add("out " + line); }
            public void cached(String stage, String s) { log.add("cached " + s); }
            public void done(String s) { log.add("done " + s); }
            public void failed(String s, String message) { log.add("failed " + s); }
            public void canceled(String s) { log.add("canceled " + s); }
        });
    }

    Map<String, String> layerEntries(BuildResult result, int index) throws IOException {
        var layer = result.image().layers().get(index).blob();
        var entries = new TreeMap<String, String>();
        try (var in = new TarArchiveInputStream(LayerStreams.uncompressed(store.blobs().open(layer.digest()),
                layer.mediaType()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), e.isDirectory() ? "dir" : e.isSymbolicLink() ? "-> " + e.getLinkName()
                        : new String(in.readAllBytes()));
            }
        }
        return entries;
    }

    @Test
    void runChangesBecomeOneLayerWithWhiteouts() throws IOException {
        var result = build("""
                FROM busybox
                WORKDIR /work
                RUN echo hello > out.txt && rm /etc/issue && rm -r /etc/keep && mkdir /etc/keep && echo c > /etc/keep/c.txt
                ENV GREETING=hi
                CMD ["cat", "/work/out.txt"]
                """);
        assertThat(result.image().layers()).hasSize(3);
        var run = layerEntries(result, 2);
        assertThat(run).containsEntry("work/out.txt", "hello\n")
                .containsKey("etc/.wh.issue")
                .containsKey("etc/keep/.wh..wh..opq")
                .containsEntry("etc/keep/c.txt", "c\n")
                .doesNotContainKey("etc/keep/a.txt");
        assertThat(layerEntries(result, 1)).containsEntry("work/", "dir");

        var manifest = ImageCodec.decodeManifest(store.blobs().readAll(result.manifest().digest()));
        var config = ImageCodec.decodeConfig(store.blobs().readAll(manifest.config().digest()));
        assertThat(config.config().env()).containsExactly("PATH=/bin", "GREETING=hi");
        assertThat(config.config().cmd()).containsExactly("cat", "/work/out.txt");
        assertThat(config.config().workingDir()).isEqualTo("/work");
        assertThat(config.history()).extracting(h -> h.createdBy()).containsExactly(
                "busybox test base", "WORKDIR /work",
                "RUN /bin/sh -c echo hello > out.txt && rm /etc/issue && rm -r /etc/keep && mkdir /etc/keep "
                        + "&& echo c > /etc/keep/c.txt # buildkit",
                "ENV GREETING=hi", "CMD [\"cat\" \"/work/out.txt\"]");
        assertThat(store.names().get("result:latest")).hasValueSatisfying(d -> assertThat(d.digest()).isEqualTo(result.manifest().digest()));
    }

    @Test
    void theFinalImageHoldsOnlyTheArtifactCopiedOutOfTheBuildStage() throws IOException {
        var result = build("""
                FROM busybox AS build
                RUN printf '#!/bin/sh\\necho built\\n' > /usr-app && chmod 755 /usr-app && rm /etc/issue \\
                    && echo changed > /etc/keep/a.txt
                FROM scratch
                COPY --from=build /usr-app /app
                CMD ["/app"]
                """);
        assertThat(result.image().layers()).hasSize(1);
        assertThat(layerEntries(result, 0)).containsOnlyKeys("app");
        assertThat(layerEntries(result, 0).get("app")).contains("echo built");
        var config = result.image().config().config();
        assertThat(config.workingDir()).as("BuildKit's empty image").isEqualTo("/");
        assertThat(config.env()).containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    }

    @Test
    void heredocRunsInEachOfBuildKitsForms() throws IOException {
        var result = build("""
                FROM busybox
                RUN <<EOF
                echo plain > /plain.txt
                echo second >> /plain.txt
                EOF
                RUN <<EOF sh
                echo through-sh > /sh.txt
                EOF
                RUN <<-EOF
                	#!/bin/sh
                	echo "script $0" > /script.txt
                	EOF
                """);
        assertThat(layerEntries(result, 1)).containsEntry("plain.txt", "plain\nsecond\n");
        assertThat(layerEntries(result, 2)).containsEntry("sh.txt", "through-sh\n");
        assertThat(layerEntries(result, 3)).containsEntry("script.txt", "script /dev/pipes/EOF\n")
                .doesNotContainKey("dev/pipes/EOF");
    }

    @Test
    void aLaterStageSeesAnEarlierStagesFiles() throws IOException {
        var result = build("""
                FROM busybox AS base
                RUN echo base > /base.txt
                FROM base
                ARG WHO=world
                RUN cat /base.txt > /copy.txt && echo "$WHO" >> /copy.txt && echo "$WHO"
                """);
        assertThat(layerEntries(result, 2)).containsEntry("copy.txt", "base\nworld\n");
        assertThat(log).contains("out world").doesNotContain("out base");
    }

    @Test
    void stepsAreNamedAsBuildKitNamesThem() {
        build("""
                FROM busybox
                ARG V=2
                RUN echo "$V" $UNSET
                """);
        assertThat(log).containsOnlyOnce("start [internal] load metadata for docker.io/library/busybox:latest")
                .contains("start [2/2] RUN echo \"2\" $UNSET")
                .anyMatch(line -> line.matches("start \\[1/2] FROM docker\\.io/library/busybox:latest@sha256:[0-9a-f]{64}"));

        log.clear();
        build("""
                FROM busybox AS a
                RUN echo a > /a
                FROM busybox AS b
                COPY --from=a /a /a
                """);
        assertThat(log.stream().filter(line -> line.startsWith("start [internal] load metadata"))).hasSize(1);
        assertThat(log).anyMatch(line -> line.startsWith("start [a 1/2] FROM docker.io/library/busybox:latest@sha256:")
                        || line.startsWith("start [b 1/2] FROM docker.io/library/busybox:latest@sha256:"))
                .contains("start [a 2/2] RUN echo a > /a", "start [b 2/2] COPY --from=a /a /a");
        assertThat(log.stream().filter(line -> line.matches("start \\[[ab] 1/2] FROM .*")))
                .as("one FROM step for the image both stages start from, as BuildKit merges them").hasSize(1);

        log.clear();
        build("""
                FROM busybox AS base
                ONBUILD ENV X=1
                ONBUILD RUN echo trigger $X
                FROM base AS child
                RUN echo child
                """);
        assertThat(log).contains("start [child 1/3] ONBUILD RUN echo trigger 1", "start [child 2/3] RUN echo child");
    }

    @Test
    void identicalStepsOfTwoStagesRunOnceEvenWithoutTheCache() throws IOException {
        var result = build("""
                FROM busybox AS a
                RUN echo ran && sleep 0.3 && echo same > /x
                FROM busybox AS b
                RUN echo ran && sleep 0.3 && echo same > /x
                FROM scratch
                COPY --from=a /x /a
                COPY --from=b /x /b
                """, true);
        assertThat(log).containsOnlyOnce("out ran");
        assertThat(log.stream().filter(line -> line.matches("(done|cached) \\[[ab] 2/2] RUN echo ran.*"))).hasSize(2);
        assertThat(layerEntries(result, 0)).containsEntry("a", "same\n");
        assertThat(layerEntries(result, 1)).containsEntry("b", "same\n");
    }

    @Test
    void aFailingStepNamesTheStageInstructionExitCodeAndOutput() {
        assertThatThrownBy(() -> build("""
                FROM scratch AS unused
                FROM busybox AS build
                RUN echo first line && echo second line >&2 && exit 3
                """))
                .isInstanceOf(StepFailedException.class)
                .hasMessageContaining("Dockerfile:3")
                .hasMessageContaining("[build 2/2] RUN echo first line")
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("first line")
                .hasMessageContaining("second line");
        assertThat(Files.exists(home.resolve("tmp"))).isTrue();
    }

    @Test
    void theFirstFailureCancelsTheStepsStillRunning() {
        var started = System.nanoTime();
        assertThatThrownBy(() -> build("""
                FROM busybox AS a
                RUN sleep 0.5; exit 3
                FROM busybox AS b
                RUN sleep 60
                FROM busybox
                COPY --from=a / /a
                COPY --from=b / /b
                """)).isInstanceOf(StepFailedException.class).hasMessageContaining("exit code 3");
        assertThat(log).contains("failed [a 2/2] RUN sleep 0.5; exit 3", "canceled [b 2/2] RUN sleep 60")
                .doesNotContain("failed [b 2/2] RUN sleep 60");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(30));
    }

    @Test
    void aRebuildIsAllCacheHitsAndAChangeRerunsOnlyWhatDependsOnIt() {
        var dockerfile = """
                FROM busybox AS a
                RUN echo a > /a.txt
                FROM busybox AS b
                ARG B=1
                RUN echo b$B > /b.txt
                FROM a
                RUN echo final > /final.txt
                """;
        var first = build(dockerfile);
        assertThat(log).filteredOn(l -> l.startsWith("cached")).isEmpty();
        log.clear();
        var second = build(dockerfile);
        assertThat(log).filteredOn(l -> l.startsWith("start") && l.contains("RUN")).isEmpty();
        assertThat(log).filteredOn(l -> l.startsWith("cached")).hasSize(2);
        assertThat(second.manifest().digest()).isEqualTo(first.manifest().digest());
        log.clear();
        var changed = build(dockerfile.replace("echo final", "echo changed"));
        assertThat(log).filteredOn(l -> l.startsWith("start") && l.contains("RUN"))
                .singleElement().asString().contains("echo changed");
        assertThat(changed.manifest().digest()).isNotEqualTo(first.manifest().digest());
        log.clear();
        build(dockerfile, true);
        assertThat(log).filteredOn(l -> l.startsWith("cached")).isEmpty();
    }

    @Test
    void aBindMountOfTheContextKeysTheStepOnItsContent() throws IOException {
        Files.createDirectories(context.resolve("data"));
        Files.writeString(context.resolve("data/x"), "one\n");
        Files.writeString(context.resolve("unrelated.txt"), "a\n");
        var dockerfile = "FROM busybox\nRUN --mount=type=bind,source=data,target=/data cat /data/x > /out.txt\n";
        var first = build(dockerfile);
        assertThat(layerEntries(first, 1)).containsEntry("out.txt", "one\n").doesNotContainKey("data/");
        log.clear();
        Files.writeString(context.resolve("unrelated.txt"), "b\n");
        build(dockerfile);
        assertThat(log).filteredOn(l -> l.startsWith("cached")).hasSize(1);
        log.clear();
        Files.writeString(context.resolve("data/x"), "two\n");
        var changed = build(dockerfile);
        assertThat(log).filteredOn(l -> l.startsWith("cached")).isEmpty();
        assertThat(layerEntries(changed, 1)).containsEntry("out.txt", "two\n");
    }

    static String waitingStages(String id) {
        var wait = "touch /sync/%s && for i in $(seq 1 30); do [ -f /sync/%s ] && exit 0; sleep 0.1; done; exit 1";
        var mount = "RUN --mount=type=cache,id=" + id + ",target=/sync,sharing=shared ";
        return "FROM busybox AS a\n" + mount + wait.formatted("a", "b") + "\n"
                + "FROM busybox AS b\n" + mount + wait.formatted("b", "a") + "\n"
                + "FROM scratch\nCOPY --from=a /etc/issue /a\nCOPY --from=b /etc/issue /b\n";
    }

    @Test
    void independentStagesRunAtOnce() {
        // each stage waits for the other's marker in a shared cache mount: both finish only when run together
        assertThat(build(waitingStages("together")).image().layers()).hasSize(2);
    }

    @Test
    void aStepRunsWhileAStageItDoesNotReadIsStillBuilding() {
        // the final stage's RUN needs nothing from "build"; only its COPY does: the RUNs meet, as in BuildKit
        var wait = "touch /sync/%s && for i in $(seq 1 30); do [ -f /sync/%s ] && exit 0; sleep 0.1; done; exit 1";
        var mount = "RUN --mount=type=cache,id=steps,target=/sync,sharing=shared ";
        var result = build("FROM busybox AS build\n" + mount + wait.formatted("build", "final") + "\n"
                + "FROM busybox\n" + mount + wait.formatted("final", "build") + "\n"
                + "COPY --from=build /etc/issue /copied\n");
        assertThat(result.image().layers()).hasSize(3);
    }

    @Test
    void withOneJobStagesRunOneAtATime() {
        jobs = 1;
        assertThatThrownBy(() -> build(waitingStages("alone"))).isInstanceOf(StepFailedException.class);
    }

    @Test
    void aStageTheTargetDoesNotNeedNeverRuns() {
        var result = build("FROM busybox AS broken\nRUN exit 1\nFROM busybox\nRUN echo fine\n");
        assertThat(log).noneMatch(l -> l.contains("exit 1"));
        assertThat(result.image().layers()).hasSize(2);
    }

    @Test
    void theSameInputsGiveTheSameImageDigest() {
        var dockerfile = "FROM busybox\nRUN echo same > /same.txt && chmod 600 /same.txt\nENV X=1\n";
        var first = build(dockerfile, true);
        var second = build(dockerfile, true);
        assertThat(second.manifest().digest()).isEqualTo(first.manifest().digest());
    }

    @Test
    void missingBaseImageIsAClearError() {
        // port 9 (discard) on loopback has no registry: the pull fails at once, naming the image's registry
        assertThatThrownBy(() -> build("FROM 127.0.0.1:9/nothing-here:1\nRUN true\n"))
                .isInstanceOf(KilnException.class)
                .hasMessageStartingWith("Dockerfile:1:")
                .hasMessageContaining("127.0.0.1:9");
    }

    @Test
    void userByNameRunsWithItsIds() throws IOException {
        var result = build("""
                FROM busybox
                USER app
                RUN id -u > /tmp/uid && id -G > /tmp/groups
                """);
        var entries = layerEntries(result, 1);
        assertThat(entries).containsEntry("tmp/uid", "1000\n");
        assertThat(entries.get("tmp/groups")).contains("1000");
        if (!"chroot".equals(runtime)) {
            // chroot isolation (no OCI runtime) cannot set supplementary groups; its notice says so
            assertThat(entries.get("tmp/groups")).contains("50");
        }
    }
}
