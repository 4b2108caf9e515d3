package dev.kiln.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PruneCacheTest {
    @TempDir
    Path home;
    @TempDir
    Path context;

    @Test
    void pruneKeepsRecentCacheUnderFilterAndDropsItOtherwise() throws IOException {
        Files.writeString(context.resolve("a.txt"), "a\n");
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scratch AS files
                COPY a.txt /a.txt
                FROM scratch
                COPY --from=files /a.txt /copied.txt
                """);
        var first = run("build", "-t", "app", "--progress", "plain", context.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(records()).isEqualTo(2);

        assertThat(run("prune", "--filter", "until=1h").code()).isZero();
        assertThat(records()).as("records used within the hour stay").isEqualTo(2);
        var cached = run("build", "-t", "app", "--progress", "plain", context.toString());
        assertThat(cached.err()).contains("#1 CACHED").contains("#2 CACHED");

        var pruned = run("prune", "--keep-storage", "0");
        assertThat(pruned.code()).isZero();
        assertThat(records()).isZero();
        var rebuilt = run("build", "-t", "app", "--progress", "plain", context.toString());
        assertThat(rebuilt.err()).doesNotContain("CACHED").contains("#1 DONE");
        assertThat(rebuilt.out().strip()).isEqualTo(first.out().strip());
        assertThat(run("images").out()).contains("app");

        assertThat(records()).isEqualTo(2);
        assertThat(run("prune", "-a", "-f").code()).as("docker builder prune's flags").isZero();
        assertThat(records()).isZero();
    }

    @Test
    void badPruneFlagsAreClearErrors() {
        assertThat(run("prune", "--filter", "label=x").err()).contains("until=DURATION").doesNotContain("\tat ");
        assertThat(run("prune", "--keep-storage", "lots").err()).contains("invalid size");
        assertThat(run("prune", "--filter", "until=soon").err()).contains("invalid duration");
    }

    private long records() throws IOException {
        var cache = home.resolve("cache");
        if (!Files.isDirectory(cache)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    private MainTest.Result run(String... args) {
        try {
            return ScopedValue.where(CliEnvironment.VARIABLES, Map.of("KILN_HOME", home.toString()))
                    .call(() -> MainTest.run(args));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
