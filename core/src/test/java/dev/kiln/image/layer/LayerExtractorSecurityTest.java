package dev.kiln.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile layers: each must be rejected, naming the entry, and leave everything outside the root alone. */
class LayerExtractorSecurityTest {
    @TempDir
    Path work;
    Path root;
    Path sentinel;
    Map<String, String> sentinelBefore;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(work.resolve("root"));
        sentinel = Files.createDirectory(work.resolve("sentinel"));
        Files.writeString(sentinel.resolve("secret"), "keep me");
        Files.createDirectory(sentinel.resolve("sub"));
        Files.writeString(sentinel.resolve("sub/passwd"), "root:x:0:0");
        sentinelBefore = snapshot(work);
        sentinelBefore.keySet().removeIf(path -> path.startsWith("root"));
    }

    private void assertRejected(ExtractionTestTar tar, String entry, String why) throws IOException {
        assertRejected(tar, ExtractionOptions.flatten(), entry, why);
    }

    private void assertRejected(ExtractionTestTar tar, ExtractionOptions options, String entry, String why)
            throws IOException {
        assertThatThrownBy(() -> new LayerExtractor(options).extract(tar.stream(), root))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("entry \"" + entry + "\" rejected")
                .hasMessageContaining(why);
        Map<String, String> after = snapshot(work);
        after.keySet().removeIf(path -> path.startsWith("root"));
        assertThat(after).as("everything outside the root").isEqualTo(sentinelBefore);
    }

    @Test
    void dotDotNameIsRejected() throws IOException {
        assertRejected(new ExtractionTestTar().file("../x", "evil", 0644), "../x", "contains a \"..\" component");
        assertThat(work.resolve("x")).doesNotExist();
    }

    @Test
    void dotDotInsideANameIsRejectedEvenWhenItWouldStayInside() throws IOException {
        assertRejected(new ExtractionTestTar().file("a/../../sentinel/secret", "evil", 0644),
                "a/../../sentinel/secret", "\"..\"");
    }

    @Test
    void absoluteNameIsExtractedRelativeToTheRoot() throws IOException {
        String absolute = sentinel.resolve("abs").toString();
        new LayerExtractor(ExtractionOptions.flatten())
                .extract(new ExtractionTestTar().file("/abs", "in", 0644).file(absolute, "also in", 0644).stream(), root);
        assertThat(root.resolve("abs")).hasContent("in");
        assertThat(root.resolve(absolute.substring(1))).hasContent("also in");
        assertThat(sentinel.resolve("abs")).doesNotExist();
    }

    @Test
    void writingThroughAnAbsoluteSymlinkIsRejected() throws IOException {
        var tar = new ExtractionTestTar().symlink("a", sentinel.resolve("sub").toString()).file("a/passwd", "pwned", 0644);
        assertRejected(tar, "a/passwd", "outside the extraction root");
        assertThat(Files.readSymbolicLink(root.resolve("a"))).isEqualTo(sentinel.resolve("sub"));
    }

    @Test
    void writingThroughASymlinkToEtcIsRejected() throws IOException {
        String canary = "kiln-extract-canary-" + ProcessHandle.current().pid();
        var tar = new ExtractionTestTar().symlink("a", "/etc").file("a/" + canary, "pwned", 0644);
        assertRejected(tar, "a/" + canary, "absolute symlink");
        assertThat(Path.of("/etc", canary)).doesNotExist();
    }

    @Test
    void relativeSymlinkClimbingOutIsRejected() throws IOException {
        assertRejected(new ExtractionTestTar().symlink("a", "../.."), "a", "symlink target \"../..\" leads outside");
    }

    @Test
    void chainedSymlinksClimbingOutAreRejected() throws IOException {
        // d/a -> .. is harmless alone (it names the root); b -> d/a/.. then climbs above it.
        var tar = new ExtractionTestTar().dir("d", 0755).symlink("d/a", "..").symlink("b", "d/a/..")
                .file("b/sentinel/secret", "pwned", 0644);
        assertRejected(tar, "b", "leads outside the extraction root");
    }

    @Test
    void writingThroughAChainThatEscapesIsRejectedEvenIfTheLinksWereCreatedInAnotherOrder() throws IOException {
        // b -> d/a/.. is created while d/a is missing (lexically fine), then d/a -> .. makes it escape.
        var tar = new ExtractionTestTar().dir("d", 0755).symlink("b", "d/a/..").symlink("d/a", "..")
                .file("b/sentinel/secret", "pwned", 0644);
        assertRejected(tar, "b/sentinel/secret", "leads outside the extraction root");
    }

    @Test
    void hardlinkOutsideTheRootIsRejected() throws IOException {
        assertRejected(new ExtractionTestTar().hardlink("h", "../../outside"), "h", "contains a \"..\" component");
    }

    @Test
    void hardlinkToAnAbsoluteHostPathStaysInsideAndMustExistThere() throws IOException {
        var tar = new ExtractionTestTar().hardlink("h", sentinel.resolve("secret").toString());
        assertRejected(tar, "h", "does not exist");
    }

    @Test
    void hardlinkThroughASymlinkIsRejected() throws IOException {
        var tar = new ExtractionTestTar().symlink("s", sentinel.toString()).hardlink("h", "s/secret");
        assertRejected(tar, "h", "absolute symlink");
    }

    @Test
    void hardlinkToAnEntryNotYetExtractedIsRejected() throws IOException {
        var tar = new ExtractionTestTar().hardlink("h", "later").file("later", "x", 0644);
        assertRejected(tar, "h", "extracted before it");
    }

    @Test
    void whiteoutThroughASymlinkIsRejected() throws IOException {
        var tar = new ExtractionTestTar().symlink("s", sentinel.toString()).file("s/.wh.secret", "", 0644);
        assertRejected(tar, "s/.wh.secret", "outside the extraction root");
    }

    @Test
    void opaqueWhiteoutThroughASymlinkIsRejectedInBothModes() throws IOException {
        var tar = new ExtractionTestTar().symlink("s", sentinel.toString()).file("s/.wh..wh..opq", "", 0644);
        assertRejected(tar, "s/.wh..wh..opq", "outside the extraction root");
        assertRejected(tar, ExtractionOptions.overlaySnapshot(), "s/.wh..wh..opq", "outside the extraction root");
    }

    @Test
    void aFileReplacesAnExistingSymlinkInsteadOfWritingThroughIt() throws IOException {
        var tar = new ExtractionTestTar().symlink("l", sentinel.resolve("secret").toString()).file("l", "mine", 0644);
        new LayerExtractor(ExtractionOptions.flatten()).extract(tar.stream(), root);
        assertThat(root.resolve("l")).isRegularFile().hasContent("mine");
        assertThat(snapshot(work)).containsAllEntriesOf(sentinelBefore);
    }

    @Test
    void aDirectoryEntryReplacesAnExistingSymlinkToADirectory() throws IOException {
        var tar = new ExtractionTestTar().symlink("d", sentinel.toString()).dir("d", 0755).file("d/secret", "x", 0644);
        new LayerExtractor(ExtractionOptions.flatten()).extract(tar.stream(), root);
        assertThat(Files.isSymbolicLink(root.resolve("d"))).isFalse();
        assertThat(root.resolve("d/secret")).hasContent("x");
        assertThat(sentinel.resolve("secret")).hasContent("keep me");
    }

    /** Every path under {@code dir} (not following links) with its type, mode and content. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                var attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String content = attributes.isRegularFile()
                        ? new String(Files.readAllBytes(path), StandardCharsets.UTF_8)
                        : attributes.isSymbolicLink() ? "-> " + Files.readSymbolicLink(path) : "dir";
                state.put(dir.relativize(path).toString(),
                        content + " mode=" + Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)
                                + " mtime=" + attributes.lastModifiedTime());
            }
        }
        return state;
    }
}
