package dev.kiln.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.snapshot.ActiveSnapshot;
import dev.kiln.snapshot.Change;
import dev.kiln.snapshot.Snapshotter;
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
import org.junit.jupiter.params.provider.CsvSource;

/** A RUN step end to end: snapshot of two layers, a real process, the change set it leaves. */
class StepChangeSetTest {
    private static final String STEP = String.join("; ",
            "echo modified > /data/modify", "rm /data/delete", "echo new > /data/new", "rm -rf /wipe",
            "rm -rf /recreate && mkdir /recreate && echo fresh > /recreate/fresh",
            "mkdir -p /made/deep && chown 1000:1000 /made/deep", "ln -sf /data/new /data/link",
            "echo done");

    @TempDir Path tmp;
    List<Path> lowers;

    @BeforeEach
    void layers() throws Exception {
        Path base = BusyboxRootfs.create(tmp.resolve("layers/busybox"));
        Path app = Files.createDirectories(tmp.resolve("layers/app"));
        for (String f : List.of("data/keep", "data/modify", "data/delete", "wipe/a", "wipe/sub/b", "recreate/x")) {
            Files.createDirectories(app.resolve(f).getParent());
            Files.writeString(app.resolve(f), "original " + f + "\n");
        }
        lowers = List.of(base, app);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"runc, OVERLAY", "runc, COPY", "chroot, OVERLAY", "chroot, COPY"})
    void changeSetHoldsExactlyWhatTheStepChanged(String executor, Snapshotter.Strategy strategy) throws IOException {
        List<Change> changes = runStep(executor, strategy, STEP, 0);
        assertThat(changes).extracting(Change::path, Change::type).containsExactly(
                tuple(".wh.wipe", Change.Type.WHITEOUT),
                tuple("data", Change.Type.DIRECTORY),
                tuple("data/.wh.delete", Change.Type.WHITEOUT),
                tuple("data/link", Change.Type.SYMLINK),
                tuple("data/modify", Change.Type.REGULAR),
                tuple("data/new", Change.Type.REGULAR),
                tuple("made", Change.Type.DIRECTORY),
                tuple("made/deep", Change.Type.DIRECTORY),
                tuple("recreate", Change.Type.DIRECTORY),
                tuple("recreate/.wh..wh..opq", Change.Type.OPAQUE),
                tuple("recreate/fresh", Change.Type.REGULAR));
        Change deep = changes.get(7);
        assertThat(deep.uid()).isEqualTo(1000);
        assertThat(deep.gid()).isEqualTo(1000);
        assertThat(changes.get(3).linkTarget()).isEqualTo("/data/new");
    }

    @Test
    void allFourWaysGiveTheSameChangeSet() throws IOException {
        List<List<Change>> results = new ArrayList<>();
        for (String executor : List.of("runc", "chroot")) {
            for (var strategy : List.of(Snapshotter.Strategy.OVERLAY, Snapshotter.Strategy.COPY)) {
                results.add(runStep(executor, strategy, STEP, 0).stream().map(Change::withoutContent).toList());
            }
        }
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.getFirst()));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"runc, OVERLAY", "runc, COPY", "chroot, OVERLAY", "chroot, COPY"})
    void failingStepLeavesNoMountAndNoTempDir(String executor, Snapshotter.Strategy strategy) throws IOException {
        Path work = tmp.resolve("work");
        runStep(executor, strategy, "echo partial > /data/new; exit 7", 7);
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(work.toString());
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    private List<Change> runStep(String executorKind, Snapshotter.Strategy strategy, String script, int status) {
        Path work = tmp.resolve("work");
        Executor executor = Executors.choose(executorKind, System.getenv("PATH"), work, n -> {});
        try (ActiveSnapshot snap = new Snapshotter(work, strategy, n -> {}).prepare(lowers)) {
            Collected out = new Collected();
            int exit = executor.run(ExecSpec.shell(snap.root(), script), out);
            assertThat(exit).as("exit status; stderr %s", out.stderr).isEqualTo(status);
            if (status == 0) assertThat(out.stdout).containsExactly("done");
            return exit == 0 ? snap.changes() : List.of();
        }
    }
}
