package dev.kiln.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.internal.sys.FileNodes;
import dev.kiln.internal.sys.Xattrs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SnapshotterTest {
    @TempDir Path tmp;

    private List<Path> twoLayers() throws IOException {
        Layers base = Layers.at(tmp.resolve("layers/base"))
                .file("etc/motd", "hello\n").file("etc/hostname", "base\n")
                .file("data/keep", "keep").file("data/drop", "drop").file("data/chmod-me", "same")
                .file("wipe/a", "a").file("wipe/sub/b", "b")
                .file("recreate/old1", "1").file("recreate/old2", "2")
                .file("file-to-dir", "f").file("dir-to-file/inner", "i")
                .file("shadowed/gone", "g").file("shadowed/stays", "s")
                .symlink("link", "etc/motd").file("hidden-by-top", "x");
        Layers top = Layers.at(tmp.resolve("layers/top"))
                .file("etc/hostname", "top\n").whiteout("hidden-by-top").opaque("shadowed").file("shadowed/new", "n");
        return List.of(base.root(), top.root());
    }

    private static void step(Path root) throws IOException {
        Files.writeString(root.resolve("etc/motd"), "changed\n");
        Files.writeString(root.resolve("data/new"), "new file");
        Files.delete(root.resolve("data/drop"));
        Files.setAttribute(root.resolve("data/chmod-me"), "unix:mode", 0700);
        TreeOps.deleteTree(root.resolve("wipe"));
        TreeOps.deleteTree(root.resolve("recreate"));
        Files.createDirectory(root.resolve("recreate"));
        Files.writeString(root.resolve("recreate/fresh"), "fresh");
        Files.delete(root.resolve("file-to-dir"));
        Files.createDirectory(root.resolve("file-to-dir"));
        TreeOps.deleteTree(root.resolve("dir-to-file"));
        Files.writeString(root.resolve("dir-to-file"), "now a file");
        Files.delete(root.resolve("link"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("/etc/hostname"));
        Files.createLink(root.resolve("data/new-hardlink"), root.resolve("data/new"));
        FileNodes.lchown(root.resolve("data/new"), 1000, 1001);
        Xattrs.set(root.resolve("data/new"), "user.k", new byte[] {1, 2});
    }

    @ParameterizedTest
    @EnumSource(value = Snapshotter.Strategy.class, names = {"OVERLAY", "COPY"})
    void mergesLowersBottomFirstWithWhiteoutsAndOpaqueDirs(Snapshotter.Strategy strategy) throws IOException {
        try (ActiveSnapshot snap = new Snapshotter(tmp.resolve("work"), strategy, n -> {}).prepare(twoLayers())) {
            Path root = snap.root();
            assertThat(root.resolve("etc/hostname")).hasContent("top");
            assertThat(root.resolve("etc/motd")).hasContent("hello");
            assertThat(root.resolve("hidden-by-top")).doesNotExist();
            assertThat(names(root.resolve("shadowed"))).containsExactly("new");
            assertThat(Files.readSymbolicLink(root.resolve("link"))).isEqualTo(Path.of("etc/motd"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Snapshotter.Strategy.class, names = {"OVERLAY", "COPY"})
    void changeSetHasExactlyTheStepsChanges(Snapshotter.Strategy strategy) throws IOException {
        List<Change> changes;
        try (ActiveSnapshot snap = new Snapshotter(tmp.resolve("work"), strategy, n -> {}).prepare(twoLayers())) {
            assertThat(snap.kind().name()).isEqualTo(strategy.name());
            step(snap.root());
            changes = snap.changes();
            assertThat(changes.stream().filter(c -> c.path().equals("etc/motd")).findFirst().orElseThrow().content())
                    .hasContent("changed");
        }
        assertThat(changes).extracting(Change::path, Change::type).containsExactly(
                tuple(".wh.wipe", Change.Type.WHITEOUT),
                tuple("data", Change.Type.DIRECTORY),
                tuple("data/.wh.drop", Change.Type.WHITEOUT),
                tuple("data/chmod-me", Change.Type.REGULAR),
                tuple("data/new", Change.Type.REGULAR),
                tuple("data/new-hardlink", Change.Type.HARDLINK),
                tuple("dir-to-file", Change.Type.REGULAR),
                tuple("etc", Change.Type.DIRECTORY),
                tuple("etc/motd", Change.Type.REGULAR),
                tuple("file-to-dir", Change.Type.DIRECTORY),
                tuple("file-to-dir/.wh..wh..opq", Change.Type.OPAQUE),
                tuple("link", Change.Type.SYMLINK),
                tuple("recreate", Change.Type.DIRECTORY),
                tuple("recreate/.wh..wh..opq", Change.Type.OPAQUE),
                tuple("recreate/fresh", Change.Type.REGULAR));
        Change chmodded = find(changes, "data/chmod-me"), added = find(changes, "data/new");
        assertThat(chmodded.mode()).isEqualTo(0700);
        assertThat(chmodded.size()).isEqualTo(4);
        assertThat(added).extracting(Change::uid, Change::gid, Change::size).containsExactly(1000, 1001, 8L);
        assertThat(added.xattrs()).containsExactly(new Xattr("user.k", new byte[] {1, 2}));
        assertThat(find(changes, "data/new-hardlink").linkTarget()).isEqualTo("data/new");
        assertThat(find(changes, "link").linkTarget()).isEqualTo("/etc/hostname");
    }

    @Test
    void overlayAndCopyGiveIdenticalChangeSets() throws IOException {
        List<Path> lowers = twoLayers();
        List<List<Change>> results = new ArrayList<>();
        List<List<String>> contents = new ArrayList<>();
        for (var strategy : List.of(Snapshotter.Strategy.OVERLAY, Snapshotter.Strategy.COPY)) {
            try (ActiveSnapshot snap = new Snapshotter(tmp.resolve("work"), strategy, n -> {}).prepare(lowers)) {
                step(snap.root());
                List<Change> changes = snap.changes();
                results.add(changes.stream().map(Change::withoutContent).toList());
                contents.add(changes.stream().filter(c -> c.content() != null).map(c -> read(c.content())).toList());
            }
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(contents.get(1)).isEqualTo(contents.get(0)).isNotEmpty();
    }

    @Test
    void autoFallsBackToCopyWhenOverlayCannotMount() throws IOException {
        // overlayfs refuses an upper directory on another overlay: a snapshot inside a snapshot
        List<String> notices = new ArrayList<>();
        try (ActiveSnapshot outer = new Snapshotter(tmp.resolve("work"), Snapshotter.Strategy.OVERLAY, n -> {})
                .prepare(twoLayers())) {
            Snapshotter nested = new Snapshotter(outer.root().resolve("tmp"), Snapshotter.Strategy.AUTO, notices::add);
            try (ActiveSnapshot inner = nested.prepare(List.of(tmp.resolve("layers/base")))) {
                assertThat(inner.kind()).isEqualTo(ActiveSnapshot.Kind.COPY);
                assertThat(inner.root().resolve("etc/hostname")).hasContent("base");
            }
            assertThat(notices).singleElement().asString().contains("overlayfs is unavailable");
            assertThat(names(outer.root().resolve("tmp"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Snapshotter.Strategy.class, names = {"OVERLAY", "COPY"})
    void closeLeavesNoMountAndNoDirectory(Snapshotter.Strategy strategy) throws IOException {
        Path work = tmp.resolve("work");
        Path root = null;
        try (ActiveSnapshot snap = new Snapshotter(work, strategy, n -> {}).prepare(twoLayers())) {
            root = snap.root();
            Files.writeString(root.resolve("x"), "x");
            throw new IllegalStateException("the step failed");
        } catch (IllegalStateException expected) {
            // the snapshot must still be gone
        }
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(work.toString());
        assertThat(names(work)).isEmpty();
        assertThat(root).doesNotExist();
    }

    @Test
    void mountsMoreLayersThanOnePageOfOptionsHolds() throws IOException {
        List<Path> lowers = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            lowers.add(Layers.at(tmp.resolve("layers/a-rather-long-directory-name-for-layer-" + i))
                    .file("layer", Integer.toString(i)).file("f" + i, "x").root());
        }
        Path work = tmp.resolve("work");
        assertThat(OverlayMount.legacyOptions(lowers, work, work).length())
                .isGreaterThan(OverlayMount.LEGACY_OPTIONS_LIMIT);
        try (ActiveSnapshot snap = new Snapshotter(work, Snapshotter.Strategy.OVERLAY, n -> {}).prepare(lowers)) {
            assertThat(snap.root().resolve("layer")).hasContent("119");
            assertThat(snap.root().resolve("f0")).exists();
        }
    }

    @Test
    void scratchHasAnEmptyRoot() throws IOException {
        try (ActiveSnapshot snap = new Snapshotter(tmp.resolve("w"), Snapshotter.Strategy.OVERLAY, n -> {})
                .prepare(List.of())) {
            assertThat(names(snap.root())).isEmpty();
            Files.createDirectory(snap.root().resolve("d"));
            assertThat(snap.changes()).extracting(Change::path).containsExactly("d");
        }
    }

    @Test
    void pathOrderPutsDirectoriesBeforeTheirSiblingsWithLongerNames() {
        List<String> paths = new ArrayList<>(List.of("a.b", "a/z", "a", "a-b", ".wh.a", "a/.wh..wh..opq"));
        paths.sort(Change.PATH_ORDER);
        assertThat(paths).containsExactly(".wh.a", "a", "a/.wh..wh..opq", "a/z", "a-b", "a.b");
    }

    private static Change find(List<Change> changes, String path) {
        return changes.stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
