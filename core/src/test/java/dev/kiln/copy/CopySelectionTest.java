package dev.kiln.copy;

import static dev.kiln.copy.Trees.copy;
import static dev.kiln.copy.Trees.copyWith;
import static dev.kiln.copy.Trees.dir;
import static dev.kiln.copy.Trees.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.HeredocSource;
import dev.kiln.internal.sys.FileNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopySelectionTest {
    @TempDir Path tmp;
    Path ctx;

    @BeforeEach
    void setUp() {
        ctx = dir(tmp, "ctx", 0755);
        file(ctx, "a/b/c.txt", "C", 0644);
        file(ctx, "a/b/d.md", "D", 0644);
        file(ctx, "a/e.txt", "E", 0600);
        dir(ctx, "a", 0750);
        dir(ctx, "a/b", 0711);
    }

    Map<String, String> run(Copy c, CopySource source, Destination d) {
        try (CopyResult r = CopyOperation.copy(c, source, d, tmp.resolve("scratch"))) {
            return Trees.describe(r.entries());
        }
    }

    Map<String, String> run(Copy c) {
        return run(c, new CopySource.Context(ctx, null), Destination.scratch("/"));
    }

    Copy parents(String... args) {
        return copyWith(Optional.empty(), Optional.empty(), true, List.of(), args);
    }

    @Test
    void parentsKeepsTheSourcePathWithSourceDirectoryAttributes() {
        assertThat(run(parents("a/b/c.txt", "/dest/"))).containsExactly(
                entry("dest", "dir 755 0:0"), entry("dest/a", "dir 750 0:0"), entry("dest/a/b", "dir 711 0:0"),
                entry("dest/a/b/c.txt", "file 644 0:0 'C'"));
    }

    @Test
    void parentsPivotKeepsOnlyThePartAfterTheDotSlash() {
        assertThat(run(parents("a/./b/c.txt", "/dest/"))).containsOnlyKeys("dest", "dest/b", "dest/b/c.txt");
    }

    @Test
    void parentsWithWildcardsCreatesOnlyDirectoriesOnTheWayToMatches() {
        file(ctx, "a/x/other.md", "O", 0644);
        assertThat(run(parents("a/*/*.txt", "/d/"))).containsOnlyKeys("d", "d/a", "d/a/b", "d/a/b/c.txt");
    }

    @Test
    void parentsWithMissingPlainPathIsAnError() {
        assertThatThrownBy(() -> run(parents("a/none.txt", "/d/"))).hasMessageContaining("\"a/none.txt\": not found");
    }

    @Test
    void excludePatternsAreRelativeToEachSource() {
        Copy c = copyWith(Optional.empty(), Optional.empty(), false, List.of("*.txt", "b/*.md"), "a", "/d/");
        assertThat(run(c)).containsOnlyKeys("d", "d/b", "d/b/c.txt");
        Copy all = copyWith(Optional.empty(), Optional.empty(), false, List.of("**/*.txt", "!b/c.txt"), "a", "/d/");
        assertThat(run(all)).containsOnlyKeys("d", "d/b", "d/b/c.txt", "d/b/d.md");
        Copy dirs = copyWith(Optional.empty(), Optional.empty(), false, List.of("*"), "a*", "/d/");
        assertThat(run(dirs)).containsOnlyKeys("d");
    }

    @Test
    void hardlinksBetweenCopiedFilesStayHardlinks() throws Exception {
        Files.createLink(ctx.resolve("a/b/c-link.txt"), ctx.resolve("a/b/c.txt"));
        Map<String, String> out = run(copy("a", "/d"));
        // names are walked in byte order, so the first name met carries the content
        assertThat(out).containsEntry("d/b/c-link.txt", "file 644 0:0 'C'").containsEntry("d/b/c.txt", "hardlink -> d/b/c-link.txt");
    }

    @Test
    void devicesAndFifosFromAStageCopyAsSuch() throws Exception {
        Path stage = dir(tmp, "stage", 0755);
        dir(stage, "dev", 0755);
        FileNodes.mknod(stage.resolve("dev/null"), FileNodes.S_IFCHR | 0666, 1, 3);
        FileNodes.mknod(stage.resolve("dev/pipe"), FileNodes.S_IFIFO | 0640, 0, 0);
        Trees.chmod(stage.resolve("dev/null"), 0666);
        assertThat(run(copy("/dev", "/out"), new CopySource.StageRoot(stage), Destination.scratch("/")))
                .containsEntry("out/null", "CHARACTER 666 0:0 1,3").containsEntry("out/pipe", "fifo 640 0:0");
    }

    @Test
    void linkIgnoresTheDestinationsExistingContents() {
        Path root = dir(tmp, "root", 0755);
        dir(root, "srv", 0700);
        CopySource context = new CopySource.Context(ctx, null);
        assertThat(run(copy("a/e.txt", "/srv"), context, Destination.of("/", root))).containsKeys("srv/e.txt");
        assertThat(run(Trees.linked(copy("a/e.txt", "/srv")), context, Destination.of("/", root)))
                .containsExactly(entry("srv", "file 600 0:0 'E'"));
        // BuildKit falls back to a plain copy for --link with --chmod
        Copy chmodLink = Trees.linked(copyWith(Optional.empty(), Optional.of("644"), false, List.of(), "a/e.txt", "/srv"));
        assertThat(run(chmodLink, context, Destination.of("/", root))).containsKeys("srv/e.txt");
    }

    @Test
    void heredocsBecome0644RootFiles() {
        Copy c = Trees.heredocCopy("/etc/app.conf", Optional.empty(), new HeredocSource("EOF", "a=1\n", true));
        assertThat(run(c)).containsExactly(entry("etc", "dir 755 0:0"), entry("etc/app.conf", "file 644 0:0 'a=1\n'"));
        Copy two = Trees.heredocCopy("/bin/", Optional.of("755"), new HeredocSource("run.sh", "#!/bin/sh\n", false),
                new HeredocSource("END", "", false));
        assertThat(run(two)).containsEntry("bin/run.sh", "file 755 0:0 '#!/bin/sh\n'").containsEntry("bin/END", "file 755 0:0 ''");
    }

    @Test
    void selectionDigestFollowsContentModesAndOwnersButNotTimes() throws Exception {
        Destination scratch = Destination.scratch("/");
        CopySource context = new CopySource.Context(ctx, null);
        var before = CopyOperation.selectionDigest(copy("a", "/d"), context, scratch, tmp.resolve("s"));
        Files.setLastModifiedTime(ctx.resolve("a/b/c.txt"), FileTime.fromMillis(12345));
        assertThat(CopyOperation.selectionDigest(copy("a", "/d"), context, scratch, tmp.resolve("s"))).isEqualTo(before);
        Copy chowned = copyWith(Optional.of("5:5"), Optional.empty(), false, List.of(), "a", "/d");
        assertThat(CopyOperation.selectionDigest(chowned, context, scratch, tmp.resolve("s"))).isNotEqualTo(before);
        Files.writeString(ctx.resolve("a/b/c.txt"), "c");
        var changed = CopyOperation.selectionDigest(copy("a", "/d"), context, scratch, tmp.resolve("s"));
        assertThat(changed).isNotEqualTo(before);
        Trees.chmod(ctx.resolve("a/b/c.txt"), 0600);
        assertThat(CopyOperation.selectionDigest(copy("a", "/d"), context, scratch, tmp.resolve("s"))).isNotEqualTo(changed);
    }

    @Test
    void selectionDigestDoesNotDependOnTheDestinationsContents() {
        Path root = dir(tmp, "root", 0755);
        dir(root, "d", 0700);
        CopySource context = new CopySource.Context(ctx, null);
        assertThat(CopyOperation.selectionDigest(copy("a", "/d"), context, Destination.of("/", root), tmp.resolve("s")))
                .isEqualTo(CopyOperation.selectionDigest(copy("a", "/d"), context, Destination.scratch("/"), tmp.resolve("s")));
    }
}
