package dev.kiln.copy;

import static dev.kiln.copy.Trees.copyWith;
import static dev.kiln.copy.Trees.dir;
import static dev.kiln.copy.Trees.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.kiln.dockerfile.instructions.Copy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyOwnershipTest {
    @TempDir Path tmp;
    Path ctx;
    Path root;

    @BeforeEach
    void setUp() {
        ctx = dir(tmp, "ctx", 0755);
        file(ctx, "f", "F", 0640);
        file(ctx, "tool", "T", 0750);
        file(ctx, "d/inner", "I", 0600);
        dir(ctx, "d", 0700);
        root = dir(tmp, "root", 0755);
        file(root, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1500:App:/home/app:/bin/sh\n", 0644);
        file(root, "etc/group", "root:x:0:\nstaff:x:50:\napp:x:1500:\n", 0644);
    }

    Map<String, String> run(Copy c) {
        try (CopyResult r = CopyOperation.copy(c, new CopySource.Context(ctx, null), Destination.of("/", root),
                tmp.resolve("scratch"))) {
            return Trees.describe(r.entries());
        }
    }

    Map<String, String> chown(String spec, String... args) {
        return run(copyWith(Optional.of(spec), Optional.empty(), false, List.of(), args));
    }

    Map<String, String> chmod(String spec, String... args) {
        return run(copyWith(Optional.empty(), Optional.of(spec), false, List.of(), args));
    }

    @Test
    void chownByNameTakesTheUsersPrimaryGroupFromPasswd() {
        assertThat(chown("app", "f", "/x")).containsEntry("x", "file 640 1000:1500 'F'");
    }

    @Test
    void chownByNamesAndIds() {
        assertThat(chown("app:staff", "f", "/x")).containsEntry("x", "file 640 1000:50 'F'");
        assertThat(chown("42", "f", "/x")).containsEntry("x", "file 640 42:42 'F'");
        assertThat(chown("42:7", "f", "/x")).containsEntry("x", "file 640 42:7 'F'");
        assertThat(chown("app:9", "f", "/x")).containsEntry("x", "file 640 1000:9 'F'");
        assertThat(chown("7:app", "f", "/x")).containsEntry("x", "file 640 7:1500 'F'");
    }

    @Test
    void chownAppliesToCreatedParentsAndCopiedDirectories() {
        assertThat(chown("app", "d", "/srv/data")).containsExactly(
                entry("srv", "dir 755 1000:1500"), entry("srv/data", "dir 755 1000:1500"),
                entry("srv/data/inner", "file 600 1000:1500 'I'"));
    }

    @Test
    void unknownUserOrGroupIsAClearError() {
        assertThatThrownBy(() -> chown("ghost", "f", "/x")).hasMessageContaining("'ghost'")
                .hasMessageContaining("/etc/passwd");
        assertThatThrownBy(() -> chown("app:nogroup", "f", "/x")).hasMessageContaining("'nogroup'")
                .hasMessageContaining("/etc/group");
    }

    @Test
    void namesNeedAUserDatabaseButRootAndNumbersDoNot() {
        Copy named = copyWith(Optional.of("app"), Optional.empty(), false, List.of(), "f", "/x");
        assertThatThrownBy(() -> CopyOperation.copy(named, new CopySource.Context(ctx, null), Destination.scratch("/"),
                tmp.resolve("s"))).hasMessageContaining("no /etc/passwd");
        Copy root0 = copyWith(Optional.of("root:0"), Optional.empty(), false, List.of(), "f", "/x");
        try (CopyResult r = CopyOperation.copy(root0, new CopySource.Context(ctx, null), Destination.scratch("/"),
                tmp.resolve("s"))) {
            assertThat(Trees.describe(r.entries())).containsEntry("x", "file 640 0:0 'F'");
        }
    }

    @Test
    void passwdIsFoundThroughSymlinksInsideTheDestinationRoot() throws Exception {
        java.nio.file.Files.delete(root.resolve("etc/passwd"));
        file(root, "data/passwd", "svc:x:77:88::/:/bin/false\n", 0644);
        Trees.link(root, "etc/passwd", "/data/passwd");
        assertThat(chown("svc", "f", "/x")).containsEntry("x", "file 640 77:88 'F'");
    }

    @Test
    void octalChmodReplacesModesOfFilesAndDirectoriesAndOfCreatedParents() {
        assertThat(chmod("0640", "d", "/srv/data")).containsExactly(
                entry("srv", "dir 640 0:0"), entry("srv/data", "dir 640 0:0"), entry("srv/data/inner", "file 640 0:0 'I'"));
        assertThat(chmod("4755", "tool", "/bin/tool")).containsEntry("bin/tool", "file 4755 0:0 'T'")
                .containsEntry("bin", "dir 755 0:0");
    }

    @Test
    void symbolicChmodAppliesPerEntryAndLeavesCreatedParentsAt0755() {
        assertThat(chmod("u=rwX,go=rX", ".", "/app/")).contains(
                entry("app", "dir 755 0:0"), entry("app/f", "file 644 0:0 'F'"), entry("app/tool", "file 755 0:0 'T'"),
                entry("app/d", "dir 755 0:0"), entry("app/d/inner", "file 644 0:0 'I'"));
        assertThat(chmod("g+w", "f", "/deep/x")).containsEntry("deep", "dir 755 0:0").containsEntry("deep/x", "file 660 0:0 'F'");
    }

    @Test
    void existingParentsOfTheDestinationAreEmittedAsTheyAre() {
        Trees.owner(dir(root, "opt", 0711), 3, 4);
        assertThat(chown("app", "f", "/opt/new/x")).containsExactly(
                entry("opt", "dir 711 3:4"), entry("opt/new", "dir 755 1000:1500"), entry("opt/new/x", "file 640 1000:1500 'F'"));
    }
}
