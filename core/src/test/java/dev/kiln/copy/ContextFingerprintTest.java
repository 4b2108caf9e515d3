package dev.kiln.copy;

import dev.kiln.dockerfile.ignore.PatternMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContextFingerprintTest {
    private static final FileTime OLD = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));

    @TempDir
    Path root;

    @BeforeEach
    void context() throws IOException {
        write("a.txt", "alpha");
        write("src/b.txt", "beta");
        write("src/deep/c.txt", "gamma");
        write("logs/x.log", "noise");
        try (var walk = Files.walk(root)) {
            for (var p : walk.toList()) Files.setLastModifiedTime(p, OLD);
        }
    }

    @Test
    void anUnchangedContextKeepsItsFingerprint() {
        var first = ContextFingerprint.of(root, ContextFilter.NONE);
        assertThat(ContextFingerprint.of(root, ContextFilter.NONE)).isEqualTo(first);
        assertThat(first.racy()).isFalse();
    }

    @Test
    void everyChangeACopyCouldSeeChangesIt() throws IOException {
        var seen = new java.util.HashSet<ContextFingerprint>();
        seen.add(ContextFingerprint.of(root, ContextFilter.NONE));
        write("a.txt", "ALPHA", FileTime.from(Instant.parse("2024-01-02T00:00:00Z"))); // same size, new mtime
        assertThat(seen.add(ContextFingerprint.of(root, ContextFilter.NONE))).isTrue();
        Files.setPosixFilePermissions(root.resolve("a.txt"), PosixFilePermissions.fromString("rwx------"));
        assertThat(seen.add(ContextFingerprint.of(root, ContextFilter.NONE))).isTrue();
        Files.move(root.resolve("src/b.txt"), root.resolve("src/bb.txt"));
        assertThat(seen.add(ContextFingerprint.of(root, ContextFilter.NONE))).isTrue();
        Files.createDirectory(root.resolve("empty"));
        setOld("empty");
        assertThat(seen.add(ContextFingerprint.of(root, ContextFilter.NONE))).isTrue();
        // the same file replaced by a copy with the same bytes and times: another inode
        var copy = Files.copy(root.resolve("src/bb.txt"), root.resolve("src/tmp"));
        Files.move(copy, root.resolve("src/bb.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        setOld("src/bb.txt");
        setOld("src");
        assertThat(seen.add(ContextFingerprint.of(root, ContextFilter.NONE))).isTrue();
    }

    @Test
    void whereAFileSitsInTheTreeCounts() throws IOException {
        // x/y (a file in a folder) and x + y (an empty folder beside a file) list the same names
        var nested = Files.createDirectories(root.resolve("n"));
        var flat = Files.createDirectories(root.resolve("f"));
        Files.createDirectories(nested.resolve("x"));
        Files.createDirectories(flat.resolve("x"));
        Files.writeString(nested.resolve("x/y"), "");
        Files.writeString(flat.resolve("y"), "");
        for (var dir : List.of(nested, flat)) {
            try (var walk = Files.walk(dir)) {
                for (var p : walk.toList()) Files.setLastModifiedTime(p, OLD);
            }
        }
        assertThat(ContextFingerprint.of(nested, ContextFilter.NONE).digest())
                .isNotEqualTo(ContextFingerprint.of(flat, ContextFilter.NONE).digest());
    }

    @Test
    void whatDockerignoreLeavesOutDoesNotCount() throws IOException {
        var filter = ContextFilter.of(PatternMatcher.compile(List.of("logs", "src/deep", "!src/deep/keep.txt")));
        var before = ContextFingerprint.of(root, filter);
        write("logs/y.log", "more noise");
        write("src/deep/c.txt", "GAMMA!");
        assertThat(ContextFingerprint.of(root, filter)).isEqualTo(before);
        write("src/deep/keep.txt", "kept");
        assertThat(ContextFingerprint.of(root, filter)).isNotEqualTo(before);
    }

    @Test
    void aNameNotInThePlatformCharsetIsStillStatted() throws Exception {
        var before = ContextFingerprint.of(root, ContextFilter.NONE);
        // byte 0xff is no character in UTF-8 or ASCII: a name Java cannot carry as a String and back
        var touch = new ProcessBuilder("sh", "-c", "touch \"$(printf 'bad\\377name')\" && touch -d @1704067200 bad*")
                .directory(root.resolve("src").toFile()).inheritIO().start();
        assertThat(touch.waitFor()).isZero();
        var with = ContextFingerprint.of(root, ContextFilter.NONE);
        assertThat(with).isNotEqualTo(before);
        assertThat(ContextFingerprint.of(root, ContextFilter.NONE)).isEqualTo(with);
    }

    @Test
    void aFileChangedJustNowMakesItRacy() throws IOException {
        Files.writeString(root.resolve("a.txt"), "fresh");
        assertThat(ContextFingerprint.of(root, ContextFilter.NONE).racy()).isTrue();
    }

    private void write(String path, String text) throws IOException {
        write(path, text, OLD);
    }

    private void write(String path, String text, FileTime time) throws IOException {
        var file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, time);
    }

    private void setOld(String path) throws IOException {
        Files.setLastModifiedTime(root.resolve(path), OLD);
    }
}
