package dev.kiln.copy;

import static dev.kiln.copy.Trees.copy;
import static dev.kiln.copy.Trees.dir;
import static dev.kiln.copy.Trees.file;
import static dev.kiln.copy.Trees.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.InstructionException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyBasicsTest {
    @TempDir Path tmp;
    Path ctx;
    CopySource context;

    @BeforeEach
    void setUp() {
        ctx = dir(tmp, "ctx", 0755);
        context = new CopySource.Context(ctx, ContextFilter.NONE);
        file(ctx, "a.txt", "A", 0640);
        file(ctx, "b.txt", "B", 0644);
        file(ctx, "src/x.go", "X", 0600);
        file(ctx, "src/sub/y.go", "Y", 0755);
        dir(ctx, "src", 0750);
    }

    Map<String, String> run(Copy c, Destination d) {
        try (CopyResult r = CopyOperation.copy(c, context, d, tmp.resolve("scratch"))) {
            return Trees.describe(r.entries());
        }
    }

    Map<String, String> run(Copy c) {
        return run(c, Destination.scratch("/"));
    }

    @Test
    void fileToMissingPathIsNamedByTheDestination() {
        assertThat(run(copy("a.txt", "/opt/app"))).containsExactly(
                entry("opt", "dir 755 0:0"), entry("opt/app", "file 640 0:0 'A'"));
    }

    @Test
    void trailingSlashMeansIntoADirectory() {
        assertThat(run(copy("a.txt", "/opt/app/"))).containsExactly(
                entry("opt", "dir 755 0:0"), entry("opt/app", "dir 755 0:0"), entry("opt/app/a.txt", "file 640 0:0 'A'"));
    }

    @Test
    void directorySourceCopiesItsContentsNotItself() {
        assertThat(run(copy("src", "/dst"))).containsExactly(
                entry("dst", "dir 755 0:0"), entry("dst/sub", "dir 755 0:0"),
                entry("dst/sub/y.go", "file 755 0:0 'Y'"), entry("dst/x.go", "file 600 0:0 'X'"));
    }

    @Test
    void destinationIsRelativeToWorkdir() {
        assertThat(run(copy("a.txt", "rel/"), Destination.scratch("/work/dir"))).containsKeys("work/dir/rel/a.txt");
        assertThat(run(copy("a.txt", "."), Destination.scratch("/work"))).containsKeys("work/a.txt");
        assertThat(run(copy("a.txt", "/abs"), Destination.scratch("/work"))).containsOnlyKeys("abs");
    }

    @Test
    void sourcePathsAreCleanedAndCannotClimbAboveTheContext() {
        assertThat(run(copy("/a.txt", "./b.txt", "src/../a.txt", "/d/"))).containsOnlyKeys("d", "d/a.txt", "d/b.txt");
        assertThatThrownBy(() -> run(copy("/a.txt", "src/../../src/../a.txt", "/d/")))
                .isInstanceOf(InstructionException.class)
                .hasMessageContaining("'src/../../src/../a.txt' is outside the build context");
    }

    @Test
    void copyingToTheRootNeverEmitsTheRoot() {
        assertThat(run(copy(".", "/"))).containsOnlyKeys("a.txt", "b.txt", "src", "src/sub", "src/sub/y.go", "src/x.go");
        assertThat(run(copy("a.txt", "/"))).containsOnlyKeys("a.txt");
    }

    @Test
    void wildcardsMatchPerPathElement() {
        assertThat(run(copy("*.txt", "src/*.go", "/d/"))).containsOnlyKeys("d", "d/a.txt", "d/b.txt", "d/x.go");
        assertThat(run(copy("s?c/[a-x].go", "/e/"))).containsOnlyKeys("e", "e/x.go");
    }

    @Test
    void wildcardMatchingNothingIsAllowed() {
        // BuildKit returns before creating anything when a wildcard matches nothing
        assertThat(run(copy("*.none", "/d/"))).isEmpty();
        assertThat(run(copy("*.none", "a.txt", "/d/"))).containsOnlyKeys("d", "d/a.txt");
    }

    @Test
    void missingPlainSourceIsAnErrorNamingItWithTheInstructionRange() {
        assertThatThrownBy(() -> run(copy("nope.txt", "/d/")))
                .isInstanceOf(InstructionException.class)
                .hasMessageContaining("\"nope.txt\": not found")
                .satisfies(e -> assertThat(((InstructionException) e).range()).isEqualTo(Trees.RANGE));
    }

    @Test
    void symlinkNamedAsSourceIsFollowedAndKeepsItsName() {
        link(ctx, "alias", "src/x.go");
        link(ctx, "srcdir", "src");
        assertThat(run(copy("alias", "srcdir", "/d/"))).containsEntry("d/alias", "file 600 0:0 'X'")
                .containsKeys("d/sub/y.go", "d/x.go");
    }

    @Test
    void symlinksInsideACopiedDirectoryStayLinks() {
        link(ctx, "src/ln", "../../etc/passwd");
        assertThat(run(copy("src", "/d"))).containsEntry("d/ln", "link 0:0 -> ../../etc/passwd");
    }

    @Test
    void sourceLinkLeavingTheContextIsRejected() {
        link(ctx, "up", "../outside");
        link(ctx, "abs", "/etc/passwd");
        link(ctx, "chain", "up");
        assertThatThrownBy(() -> run(copy("up", "/d/"))).hasMessageContaining("outside the build context");
        assertThatThrownBy(() -> run(copy("abs", "/d/"))).hasMessageContaining("/etc/passwd")
                .hasMessageContaining("outside the build context");
        assertThatThrownBy(() -> run(copy("chain", "/d/"))).hasMessageContaining("outside the build context");
    }

    @Test
    void contextFilesBelongToRootWhileStageFilesKeepOwners() {
        Path stage = dir(tmp, "stage", 0755);
        Trees.owner(file(stage, "home/u/f", "F", 0600), 1000, 1001);
        Trees.owner(file(ctx, "mine", "M", 0600), 1000, 1001);
        assertThat(run(copy("mine", "/m"))).containsEntry("m", "file 600 0:0 'M'");
        try (CopyResult r = CopyOperation.copy(copy("/home/u/f", "/f"), new CopySource.StageRoot(stage),
                Destination.scratch("/"), tmp.resolve("scratch"))) {
            assertThat(Trees.describe(r.entries())).containsEntry("f", "file 600 1000:1001 'F'");
        }
    }

    @Test
    void stageLinksResolveInsideTheStageRoot() {
        Path stage = dir(tmp, "stage", 0755);
        file(stage, "bin/busybox", "BB", 0755);
        link(stage, "usr/bin/sh", "/bin/busybox");
        link(stage, "usr/bin/up", "../../../../bin/busybox");
        try (CopyResult r = CopyOperation.copy(copy("/usr/bin/sh", "/usr/bin/up", "/out/"), new CopySource.StageRoot(stage),
                Destination.scratch("/"), tmp.resolve("scratch"))) {
            assertThat(Trees.describe(r.entries())).containsEntry("out/sh", "file 755 0:0 'BB'")
                    .containsEntry("out/up", "file 755 0:0 'BB'");
        }
    }

    @Test
    void copiesIntoAnExistingDestinationDirectoryKeepingItsAttributes() {
        Path root = dir(tmp, "root", 0755);
        Trees.owner(dir(root, "srv", 0700), 5, 6);
        dir(root, "srv/sub", 0711);
        assertThat(run(copy("a.txt", "/srv"), Destination.of("/", root)))
                .containsExactly(entry("srv", "dir 700 5:6"), entry("srv/a.txt", "file 640 0:0 'A'"));
        // a directory source merges into the existing one; the target keeps its metadata, subdirectories take the source's
        assertThat(run(copy("src", "/srv"), Destination.of("/", root)))
                .containsEntry("srv", "dir 700 5:6").containsEntry("srv/sub", "dir 755 0:0");
    }

    @Test
    void destinationSymlinksResolveInsideTheDestinationRoot() {
        Path root = dir(tmp, "root", 0755);
        dir(root, "real", 0755);
        link(root, "app", "/real");
        assertThat(run(copy("a.txt", "/app/"), Destination.of("/", root))).containsOnlyKeys("real", "real/a.txt");
    }

    @Test
    void existingFileAtTheDestinationIsReplacedButADirectoryIsNot() {
        Path root = dir(tmp, "root", 0755);
        file(root, "etc/motd", "old", 0644);
        assertThat(run(copy("a.txt", "/etc/motd"), Destination.of("/", root))).containsEntry("etc/motd", "file 640 0:0 'A'");
        assertThatThrownBy(() -> run(copy("src", "/etc/motd"), Destination.of("/", root)))
                .hasMessageContaining("/etc/motd").hasMessageContaining("not a directory");
    }

    @Test
    void severalSourcesToAPathWithoutSlashBehaveAsBuildKit() {
        // BuildKit runs one copy per source and does not require the slash: the last file wins
        assertThat(run(copy("a.txt", "b.txt", "/one"))).containsExactly(entry("one", "file 644 0:0 'B'"));
    }

    @Test
    void dockerignoredPathsDoNotExist() {
        ContextFilter ignore = ContextFilter.compile(java.util.List.of("src/sub", "*.txt", "!b.txt", "lib", "!lib/keep.txt", "empty"));
        dir(ctx, "empty/sub", 0755);
        file(ctx, "lib/keep.txt", "K", 0644);
        file(ctx, "lib/drop.md", "D", 0644);
        context = new CopySource.Context(ctx, ignore);
        assertThat(run(copy(".", "/d/"))).containsOnlyKeys("d", "d/b.txt", "d/src", "d/src/x.go", "d/lib", "d/lib/keep.txt");
        assertThatThrownBy(() -> run(copy("a.txt", "/d/"))).hasMessageContaining("\"a.txt\": not found");
    }
}
