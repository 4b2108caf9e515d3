package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, "checked by" 2: a fixed Dockerfile and context build to one pinned image digest,
 * twice in a row and from two checkouts that differ in mtimes and in the modes a umask of 077
 * or 022 leaves. The build starts FROM scratch for an explicit platform, so no machine-specific
 * base enters the image; {@code --chmod=u=rwX,go=rX} makes the copied modes umask-independent.
 */
class AcceptPinnedDigestTest {
    /**
     * Pinned once the config, history and layers were checked by hand (skopeo inspect --raw,
     * tar -tvzf of each layer: modes 0644/0755 whatever the umask, mtimes 0, owners 0:0 and 101:101,
     * parents explicit). Changing it means every reproducible build of every user changes.
     */
    private static final String PINNED = "sha256:b3dd42ce795d91c9e1ccf175943cec3cf5487871079a74a9e51a7a00147f35a1";

    private static final String DOCKERFILE = """
            FROM scratch AS assets
            COPY --chmod=u=rwX,go=rX site/ /srv/site/
            COPY --chmod=u=rwX,go=rX bin/serve.sh /usr/local/bin/

            FROM scratch
            ARG VERSION=1.2.3
            COPY --from=assets / /
            COPY --from=assets --chown=101:101 /srv/site/index.html /srv/site/copy.html
            ENV VERSION=$VERSION
            LABEL org.opencontainers.image.version=$VERSION
            WORKDIR /srv
            EXPOSE 8080
            USER 101
            ENTRYPOINT ["/usr/local/bin/serve.sh"]
            CMD ["--port", "8080"]
            """;

    @TempDir
    Path tmp;

    @Test
    void theSameDockerfileAndContextGiveThePinnedDigestAnywhere() throws IOException {
        var strict = checkout(tmp.resolve("checkout-umask-077"), "rw-------", "rwx------", "rwx------",
                Instant.parse("2001-02-03T04:05:06Z"));
        var loose = checkout(tmp.resolve("checkout-umask-022"), "rw-r--r--", "rwxr-xr-x", "rwxr-xr-x",
                Instant.parse("2024-06-07T08:09:10Z"));

        var first = build(tmp.resolve("home-a"), strict);
        var again = build(tmp.resolve("home-a"), strict);
        var elsewhere = build(tmp.resolve("home-b"), loose);

        assertThat(first).isEqualTo(PINNED);
        assertThat(again).isEqualTo(PINNED);
        assertThat(elsewhere).isEqualTo(PINNED);
    }

    private static String build(Path home, Path context) {
        var result = Acceptance.kilnWith(Map.of("KILN_HOME", home.toString()), "build", "--no-cache",
                "--platform", "linux/amd64", "-t", "pinned:1", "--progress", "plain", context.toString());
        assertThat(result.code()).as(result.err()).isZero();
        return result.out().strip();
    }

    /** A checkout of the same files, with the modes a umask leaves and its own mtimes. */
    private static Path checkout(Path root, String fileMode, String scriptMode, String dirMode, Instant mtime)
            throws IOException {
        write(root.resolve("Dockerfile"), DOCKERFILE, fileMode, mtime);
        write(root.resolve("site/index.html"), "<h1>pinned</h1>\n", fileMode, mtime);
        write(root.resolve("site/css/main.css"), "h1 { color: teal }\n", fileMode, mtime.plusSeconds(3600));
        write(root.resolve("bin/serve.sh"), "#!/bin/sh\nexec httpd -f -p \"$2\"\n", scriptMode, mtime);
        try (var walk = Files.walk(root)) {
            for (var dir : walk.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(dirMode));
                Files.setLastModifiedTime(dir, FileTime.from(mtime.minusSeconds(60)));
            }
        }
        return root;
    }

    private static void write(Path file, String content, String mode, Instant mtime) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        Files.setLastModifiedTime(file, FileTime.from(mtime));
    }
}
