package dev.kiln.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** A minimal root filesystem from Debian's busybox-static: /bin/busybox, its applet links, /etc basics. */
final class BusyboxRootfs {
    static final Path HOST_BUSYBOX = Path.of("/bin/busybox");

    private BusyboxRootfs() {}

    static Path create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("bin"));
        Files.copy(HOST_BUSYBOX, dir.resolve("bin/busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String applet : applets()) {
            Path link = dir.resolve(applet);
            if (Files.exists(link)) continue;
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of("/bin/busybox"));
        }
        for (String d : List.of("proc", "dev", "sys", "root", "etc")) Files.createDirectories(dir.resolve(d));
        Files.createDirectories(dir.resolve("tmp"));
        Files.setAttribute(dir.resolve("tmp"), "unix:mode", 01777);
        Files.writeString(dir.resolve("etc/passwd"),
                "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\n");
        Files.writeString(dir.resolve("etc/group"), "root:x:0:\nuser:x:1000:\n");
        Files.writeString(dir.resolve("etc/hosts"), "");
        Files.writeString(dir.resolve("etc/resolv.conf"), "");
        return dir;
    }

    /** Paths like "usr/bin/id", from {@code busybox --list-full}. */
    private static List<String> applets() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(HOST_BUSYBOX.toString(), "--list-full").redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().filter(l -> !l.isBlank()).toList();
        if (p.waitFor() != 0 || lines.isEmpty()) throw new IOException("busybox --list-full failed: " + lines);
        return lines;
    }
}
