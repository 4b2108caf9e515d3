package dev.kiln.solve;

import dev.kiln.store.Store;
import dev.kiln.testing.BusyboxImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two builds at once on one cache id: {@code locked} takes turns, {@code shared} overlaps, {@code private} splits. */
class CacheSharingTest {
    @TempDir
    Path home;
    @TempDir
    Path context;
    MountBuilds builds;

    @BeforeEach
    void setUp() {
        var store = Store.open(home);
        BusyboxImage.importInto(store, "busybox");
        builds = new MountBuilds(store, context);
        // unpack the base layer once first: LayerSnapshots fails when two builds unpack the same layer at once
        builds.build("FROM busybox\nRUN true\n");
    }

    private List<String> twoBuildsAtOnce(String sharing) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var runs = List.of("a", "b").stream().<Future<BuildResult>>map(who -> pool.submit(() -> builds.build("""
                    FROM busybox
                    RUN --mount=type=cache,id=shared-log,target=/c,sharing=%s \\
                        echo "start %s" >> /c/log && sleep 1 && echo "end %s" >> /c/log && ls /c > /seen
                    """.formatted(sharing, who, who)))).toList();
            for (var run : runs) run.get();
        }
        return logs();
    }

    private List<String> logs() throws IOException {
        try (var dirs = Files.list(home.resolve("cache-mounts"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.resolve("log")).filter(Files::exists)
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sorted().toList();
        }
    }

    @Test
    void lockedSerialisesTwoConcurrentBuilds() throws Exception {
        var log = twoBuildsAtOnce("locked");
        assertThat(log).hasSize(1);
        assertThat(log.getFirst()).matches("start (a|b)\nend \\1\nstart (a|b)\nend \\2\n");
    }

    @Test
    void sharedLetsThemOverlap() throws Exception {
        var log = twoBuildsAtOnce("shared");
        assertThat(log).hasSize(1);
        assertThat(log.getFirst()).startsWith("start").contains("start a").contains("start b");
        assertThat(log.getFirst().lines().toList().get(1)).startsWith("start");
    }

    @Test
    void privateGivesTheSecondUserItsOwnDirectory() throws Exception {
        var log = twoBuildsAtOnce("private");
        assertThat(log).hasSize(2);
        assertThat(log).allMatch(l -> l.matches("start (a|b)\nend \\1\n"));
    }
}
