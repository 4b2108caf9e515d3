package dev.kiln.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ContextPrefetchTest {
    @TempDir
    Path dir;

    @Test
    void walksTheLastArgumentWithItsDockerfile() {
        var prefetch = ContextPrefetch.start(new String[] {"build", "-t", "app", dir.toString()});
        var walk = prefetch.walkFor(dir, dir.resolve("Dockerfile"));
        assertThat(walk).isPresent();
        assertThat(walk.get().root()).isEqualTo(dir);
        assertThat(walk.get().fingerprint().digest()).isNotNull();
    }

    @Test
    void isUsedOnlyForTheContextAndDockerfileThatWereParsed() {
        var other = dir.resolve("other.Dockerfile").toString();
        for (var args : new String[][] {
            {"build", "-f", other, dir.toString()},
            {"build", "--file", other, dir.toString()},
            {"build", "--file=" + other, dir.toString()},
            {"build", "-f" + other, dir.toString()},
        }) {
            var prefetch = ContextPrefetch.start(args);
            assertThat(prefetch.walkFor(dir, Path.of(other))).as(String.join(" ", args)).isPresent();
            assertThat(prefetch.walkFor(dir, dir.resolve("Dockerfile"))).isEmpty();
            assertThat(prefetch.walkFor(dir.resolve("sub"), Path.of(other))).isEmpty();
        }
    }

    @Test
    void guessesNothingWhenUnsure() throws Exception {
        Files.writeString(dir.resolve("tag-file"), "");
        for (var args : new String[][] {
            {"build"},
            {"build", dir.toString(), "--no-cache"},
            {"build", dir.toString(), "-t", dir.resolve("tag-file").toString()},
            {"build", "-f", "-", dir.toString()},
            {"build", dir.resolve("missing").toString()},
        }) {
            var prefetch = ContextPrefetch.start(args);
            assertThat(prefetch.walkFor(dir, dir.resolve("Dockerfile"))).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void aWrongGuessStillBuildsTheParsedContext() throws Exception {
        var context = Files.createDirectories(dir.resolve("context"));
        var decoy = Files.createDirectories(dir.resolve("decoy"));
        for (var d : new Path[] {context, decoy}) {
            Files.writeString(d.resolve("Dockerfile"), "FROM scratch\nCOPY a.txt /a.txt\n");
            Files.writeString(d.resolve("a.txt"), "from " + d.getFileName() + "\n");
        }
        var out = dir.resolve("out");
        var cli = new picocli.CommandLine(new KilnCommand())
                .addSubcommand(new BuildCommand(ContextPrefetch.start(new String[] {"build", decoy.toString()})));
        var variables = new java.util.HashMap<>(System.getenv());
        variables.put("KILN_HOME", dir.resolve("store").toString());
        int code = ScopedValue.where(CliEnvironment.VARIABLES, java.util.Map.copyOf(variables)).call(() -> cli.execute(
                "build", "--progress", "plain", "-o", "type=local,dest=" + out, context.toString()));
        assertThat(code).isZero();
        assertThat(Files.readString(out.resolve("a.txt"))).isEqualTo("from context\n");
    }
}
