package dev.kiln.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the acceptance tests share: kiln run in-process against a given store, a busybox root
 * folder to import as a base image, the real consumers (skopeo, umoci) and a file-tree listing.
 */
final class Acceptance {
    private static final List<String> APPLETS = List.of("sh", "cat", "ls", "echo", "true");

    private Acceptance() {}

    /** Runs {@code kiln ARGS} in this JVM with {@code KILN_HOME=home} (and no other environment). */
    static MainTest.Result kiln(Path home, String... args) {
        return kilnWith(Map.of("KILN_HOME", home.toString()), args);
    }

    /** Runs {@code kiln ARGS} in this JVM seeing exactly the environment {@code variables}. */
    static MainTest.Result kilnWith(Map<String, String> variables, String... args) {
        try {
            return ScopedValue.where(CliEnvironment.VARIABLES, variables).call(() -> MainTest.run(args));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Like {@link #kiln} but fails the test, with kiln's stderr, unless kiln succeeds. */
    static String kilnOk(Path home, String... args) {
        var result = kiln(home, args);
        if (result.code() != 0) {
            throw new AssertionError("kiln " + String.join(" ", args) + " failed:\n" + result.err());
        }
        return result.out();
    }

    /** A busybox root folder as users make one: the static binary, applet links, passwd and group. */
    static Path busyboxRoot(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), dir.resolve("bin/busybox"));
        for (var applet : APPLETS) {
            Files.createSymbolicLink(dir.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/passwd"),
                "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n");
        Files.writeString(dir.resolve("etc/group"), "root:x:0:\napp:x:1000:\nstaff:x:50:app\n");
        return dir;
    }

    /** Imports a busybox root as the image {@code busybox} into the store at {@code home}. */
    static void importBusybox(Path home, Path scratch) throws IOException {
        kilnOk(home, "import", busyboxRoot(scratch.resolve("busybox-root")).toString(), "busybox");
    }

    /** Runs a tool to completion; fails the test with its output unless it exits 0. */
    static String tool(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + " (.ci/run installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Copies an image with skopeo into a fresh OCI layout and unpacks it with umoci; returns the
     * unpacked root filesystem. {@code source} is a skopeo reference (oci:DIR:NAME, oci-archive:F ...).
     */
    static Path skopeoCopyAndUnpack(String source, Path work) {
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var layout = work.resolve("layout");
        var bundle = work.resolve("bundle");
        tool("skopeo", "copy", "-q", source, "oci:" + layout + ":x");
        tool("umoci", "unpack", "--image", layout + ":x", bundle.toString());
        return bundle.resolve("rootfs");
    }

    /** One line per entry under {@code root}: type, octal mode, uid:gid, then content or link target. */
    static Map<String, String> tree(Path root) {
        var lines = new TreeMap<String, String>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (var path : walk.filter(p -> !p.equals(root)).toList()) {
                lines.put(root.relativize(path).toString(), describe(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static String describe(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        var meta = String.format("%04o %s:%s", (Integer) a.get("mode") & 07777, a.get("uid"), a.get("gid"));
        if (Files.isSymbolicLink(path)) {
            return "link " + meta + " -> " + Files.readSymbolicLink(path);
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "dir " + meta;
        }
        return "file " + meta + " " + Files.readString(path, StandardCharsets.ISO_8859_1);
    }
}
