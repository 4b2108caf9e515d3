package dev.kiln.cli;

import static dev.kiln.cli.Acceptance.kilnOk;
import static dev.kiln.cli.Acceptance.skopeoCopyAndUnpack;
import static dev.kiln.cli.Acceptance.tool;
import static dev.kiln.cli.Acceptance.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, "checked by" 1: a multi-stage Dockerfile without RUN, built by {@code kiln build}
 * into the store and every {@code -o} output, read back by skopeo and unpacked by umoci; the
 * unpacked tree must be exactly what BuildKit's COPY/ADD semantics make of the Dockerfile.
 */
class AcceptMultiStageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DOCKERFILE = """
            FROM busybox AS build
            WORKDIR /src
            COPY --chown=app src/app/ ./app/
            COPY --chown=1234:5678 --chmod=0640 src/other/o.go /numeric/
            COPY --chmod=u=rwX,go=rX logs/ bin/ /sym/
            COPY --parents src/*/lib/*.go /parents/
            COPY --exclude=**/*_test.go src/app /excluded
            COPY --link src/other /linked/
            ADD bundle.tar.gz /unpacked/
            COPY link-to-main *.txt src/*/main.go /wild/

            FROM busybox AS never-built
            COPY this-file-does-not-exist /

            FROM scratch
            COPY --from=build /src/app /app
            COPY --from=0 /numeric /numeric
            COPY --from=build /sym /sym
            COPY --from=build /parents /parents
            COPY --from=build /excluded /excluded
            COPY --from=build /linked /linked
            COPY --from=build /unpacked /unpacked
            COPY --from=build /wild /wild
            COPY --from=busybox /etc/passwd /etc/
            WORKDIR /app/data
            """;

    /** What the Dockerfile makes: only the last stage's files, with BuildKit's owners and modes. */
    private static final Map<String, String> EXPECTED = expected();

    @TempDir
    Path tmp;

    @Test
    void storeAndEveryOutputHoldExactlyTheFinalStagesFiles() throws IOException {
        var home = tmp.resolve("home");
        Acceptance.importBusybox(home, tmp);
        var context = context(tmp.resolve("ctx"));
        var out = Files.createDirectories(tmp.resolve("out"));

        var digest = kilnOk(home, "build", "-t", "multi:1", "--progress", "plain",
                "-o", "type=image",
                "-o", "type=oci,dest=" + out.resolve("oci.tar"),
                "-o", "type=oci,dest=" + out.resolve("oci-dir") + ",tar=false",
                "-o", "type=docker,dest=" + out.resolve("docker.tar"),
                "-o", "type=local,dest=" + out.resolve("local"),
                "-o", "type=tar,dest=" + out.resolve("files.tar"),
                "--iidfile", out.resolve("iid").toString(), "--metadata-file", out.resolve("meta.json").toString(),
                context.toString()).strip();

        var inspected = JSON.readTree(tool("skopeo", "inspect", "oci:" + home + ":multi:1"));
        assertThat(inspected.path("Digest").asText()).isEqualTo(digest);
        assertThat(inspected.path("Layers")).hasSize(10);
        var meta = JSON.readTree(out.resolve("meta.json").toFile());
        assertThat(meta.path("containerimage.digest").asText()).isEqualTo(digest);
        assertThat(Files.readString(out.resolve("iid"))).isEqualTo(meta.path("containerimage.config.digest").asText());

        assertThat(tree(skopeoCopyAndUnpack("oci:" + home + ":multi:1", tmp.resolve("u-store"))))
                .containsExactlyEntriesOf(EXPECTED);
        for (var source : new String[] {"oci-archive:" + out.resolve("oci.tar"), "oci:" + out.resolve("oci-dir"),
                "docker-archive:" + out.resolve("docker.tar")}) {
            assertThat(tool("skopeo", "inspect", source)).as(source).contains("\"Layers\"");
            var unpacked = skopeoCopyAndUnpack(source, tmp.resolve("u-" + source.substring(0, source.indexOf(':'))));
            assertThat(tree(unpacked)).as(source).containsExactlyEntriesOf(EXPECTED);
        }
        assertThat(tree(out.resolve("local"))).containsExactlyEntriesOf(EXPECTED);
        var extracted = Files.createDirectories(tmp.resolve("tar-files"));
        tool("tar", "-xpf", out.resolve("files.tar").toString(), "--numeric-owner", "-C", extracted.toString());
        assertThat(tree(extracted)).containsExactlyEntriesOf(EXPECTED);
    }

    private static Map<String, String> expected() {
        var e = new TreeMap<String, String>();
        e.put("app", "dir 0755 0:0");
        e.put("app/current", "link 0777 1000:1000 -> main.go");
        e.put("app/data", "dir 0755 0:0");
        e.put("app/lib", "dir 0755 1000:1000");
        e.put("app/lib/lib.go", "file 0644 1000:1000 lib\n");
        e.put("app/lib/lib_test.go", "file 0644 1000:1000 test\n");
        e.put("app/main.go", "file 0644 1000:1000 main\n");
        e.put("etc", "dir 0755 0:0");
        e.put("etc/passwd", "file 0644 0:0 root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n");
        e.put("excluded", "dir 0755 0:0");
        e.put("excluded/current", "link 0777 0:0 -> main.go");
        e.put("excluded/lib", "dir 0755 0:0");
        e.put("excluded/lib/lib.go", "file 0644 0:0 lib\n");
        e.put("excluded/main.go", "file 0644 0:0 main\n");
        e.put("linked", "dir 0755 0:0");
        e.put("linked/o.go", "file 0644 0:0 o\n");
        e.put("numeric", "dir 0755 0:0");
        e.put("numeric/o.go", "file 0640 1234:5678 o\n");
        e.put("parents", "dir 0755 0:0");
        e.put("parents/src", "dir 0755 0:0");
        e.put("parents/src/app", "dir 0755 0:0");
        e.put("parents/src/app/lib", "dir 0755 0:0");
        e.put("parents/src/app/lib/lib.go", "file 0644 0:0 lib\n");
        e.put("parents/src/app/lib/lib_test.go", "file 0644 0:0 test\n");
        e.put("sym", "dir 0755 0:0");
        e.put("sym/keep.log", "file 0644 0:0 keep\n");
        e.put("sym/tool.sh", "file 0755 0:0 #!/bin/sh\n");
        e.put("unpacked", "dir 0755 0:0");
        e.put("unpacked/l", "link 0777 0:0 -> sub/f");
        e.put("unpacked/sub", "dir 0750 0:0");
        e.put("unpacked/sub/f", "file 0600 7:8 in-tar\n");
        e.put("wild", "dir 0755 0:0");
        e.put("wild/link-to-main", "file 0644 0:0 main\n");
        e.put("wild/main.go", "file 0644 0:0 main\n");
        e.put("wild/notes.txt", "file 0644 0:0 n\n");
        return e;
    }

    /** The build context: ignored files, a symlink, modes as a umask of 077 leaves them, a tar.gz. */
    private static Path context(Path ctx) throws IOException {
        write(ctx.resolve("Dockerfile"), DOCKERFILE, "rw-r--r--");
        write(ctx.resolve(".dockerignore"), "secret.txt\nlogs/*.log\n!logs/keep.log\n**/*.tmp\n", "rw-r--r--");
        write(ctx.resolve("src/app/main.go"), "main\n", "rw-r--r--");
        write(ctx.resolve("src/app/cache.tmp"), "ignored\n", "rw-r--r--");
        write(ctx.resolve("src/app/lib/lib.go"), "lib\n", "rw-r--r--");
        write(ctx.resolve("src/app/lib/lib_test.go"), "test\n", "rw-r--r--");
        Files.createSymbolicLink(ctx.resolve("src/app/current"), Path.of("main.go"));
        write(ctx.resolve("src/other/o.go"), "o\n", "rw-r--r--");
        write(ctx.resolve("logs/x.log"), "ignored\n", "rw-r--r--");
        write(ctx.resolve("logs/keep.log"), "keep\n", "rw-------");
        write(ctx.resolve("bin/tool.sh"), "#!/bin/sh\n", "rwx------");
        write(ctx.resolve("secret.txt"), "ignored\n", "rw-r--r--");
        write(ctx.resolve("notes.txt"), "n\n", "rw-r--r--");
        Files.createSymbolicLink(ctx.resolve("link-to-main"), Path.of("src/app/main.go"));
        bundle(ctx.resolve("bundle.tar.gz"));
        try (var walk = Files.walk(ctx)) {
            for (var dir : walk.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return ctx;
    }

    private static void write(Path file, String content, String permissions) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }

    /** A tar.gz with an owner and modes of its own, and a symlink: ADD unpacks it as it is. */
    private static void bundle(Path file) throws IOException {
        try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            var dir = new TarArchiveEntry("sub/");
            dir.setMode(040750);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            var bytes = "in-tar\n".getBytes(StandardCharsets.UTF_8);
            var f = new TarArchiveEntry("sub/f");
            f.setMode(0100600);
            f.setIds(7, 8);
            f.setSize(bytes.length);
            tar.putArchiveEntry(f);
            tar.write(bytes);
            tar.closeArchiveEntry();
            var link = new TarArchiveEntry("l", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("sub/f");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
    }
}
