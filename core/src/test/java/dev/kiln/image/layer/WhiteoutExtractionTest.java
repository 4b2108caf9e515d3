package dev.kiln.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.internal.sys.FileNodes;
import dev.kiln.internal.sys.Xattrs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCI whiteouts, applied in place (DELETE) and as overlayfs lowerdir markers (OVERLAY). */
class WhiteoutExtractionTest {
    @TempDir
    Path work;

    /** The base layer every test hides things from. */
    private static ExtractionTestTar lower() {
        return new ExtractionTestTar()
                .file("a/gone", "1", 0644).file("a/stays", "2", 0644)
                .dir("b", 0755).file("b/old", "3", 0644).file("b/sub/older", "4", 0644).file("b/sub/kept-by-name", "5", 0644)
                .dir("tree", 0755).file("tree/deep/file", "6", 0644)
                .file("elsewhere/x", "10", 0644);
    }

    /** Whites out a/gone and the whole tree, makes b opaque, re-adds things in the same layer. */
    private static ExtractionTestTar upper() {
        return new ExtractionTestTar()
                .file("a/.wh.gone", "", 0644)
                .file("b/new-before-marker", "7", 0644)
                .file("b/.wh..wh..opq", "", 0644)
                .file("b/sub/kept-by-name", "8", 0644)
                .file(".wh.tree", "", 0644)
                .file("a/again", "9", 0644)
                .file("a/.wh.again", "", 0644) // same layer: the whiteout only hides lower content
                .file("a/.wh..wh.plnk", "", 0644) // aufs bookkeeping, ignored
                .file("a/.wh.never-existed", "", 0644)
                .file("elsewhere/.wh.x", "", 0644);
    }

    private static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.map(p -> dir.relativize(p).toString()).filter(p -> !p.isEmpty()).sorted().toList();
        }
    }

    @Test
    void deleteModeAppliesWhiteoutsToLowerContentOnly() throws IOException {
        Path root = Files.createDirectory(work.resolve("root"));
        LayerExtractor extractor = new LayerExtractor(ExtractionOptions.flatten());
        extractor.extract(lower().stream(), root);
        extractor.extract(upper().stream(), root);

        assertThat(tree(root)).containsExactly(
                "a", "a/again", "a/stays",
                "b", "b/new-before-marker", "b/sub", "b/sub/kept-by-name", "elsewhere");
        assertThat(root.resolve("b/sub/kept-by-name")).hasContent("8");
        assertThat(root.resolve("a/again")).hasContent("9");

        extractor.extract(new ExtractionTestTar().file("nothere/.wh.x", "", 0644).stream(), root);
        assertThat(root.resolve("nothere")).as("a whiteout creates nothing").doesNotExist();
    }

    @Test
    void overlayModeWritesWhiteoutDevicesAndOpaqueXattrs() throws IOException {
        Path upperDir = Files.createDirectory(work.resolve("upper"));
        new LayerExtractor(ExtractionOptions.overlaySnapshot()).extract(upper().stream(), upperDir);

        assertWhiteoutDevice(upperDir.resolve("a/gone"));
        assertWhiteoutDevice(upperDir.resolve("tree"));
        assertWhiteoutDevice(upperDir.resolve("elsewhere/x"));
        assertThat(upperDir.resolve("a/again")).hasContent("9");
        assertThat(Xattrs.get(upperDir.resolve("b"), "trusted.overlay.opaque"))
                .hasValueSatisfying(value -> assertThat(new String(value)).isEqualTo("y"));
        assertThat(Xattrs.get(upperDir.resolve("a"), "trusted.overlay.opaque")).isEmpty();
        assertThat(upperDir.resolve("a/.wh..wh.plnk")).doesNotExist();
    }

    /** The real consumer: overlayfs must show the same tree as DELETE mode produced. */
    @Test
    void overlayfsReadsTheSnapshotsAsTheFlattenedTree() throws Exception {
        Path lowerDir = Files.createDirectory(work.resolve("lower"));
        Path upperDir = Files.createDirectory(work.resolve("upper"));
        Path mountPoint = Files.createDirectory(work.resolve("merged"));
        LayerExtractor extractor = new LayerExtractor(ExtractionOptions.overlaySnapshot());
        extractor.extract(lower().stream(), lowerDir);
        extractor.extract(upper().stream(), upperDir);

        String options = "lowerdir=" + upperDir + ":" + lowerDir;
        assumeTrue(run("mount", "-t", "overlay", "overlay", "-o", options, mountPoint.toString()) == 0,
                "overlayfs cannot be mounted here");
        try {
            assertThat(tree(mountPoint)).containsExactly(
                    "a", "a/again", "a/stays",
                    "b", "b/new-before-marker", "b/sub", "b/sub/kept-by-name", "elsewhere");
        } finally {
            assertThat(run("umount", mountPoint.toString())).isZero();
        }
    }

    private static void assertWhiteoutDevice(Path path) throws IOException {
        assertThat((int) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000)
                .as("%s is a character device", path).isEqualTo(FileNodes.S_IFCHR);
        assertThat(Files.getAttribute(path, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0L);
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
