package dev.kiln.exec;

import dev.kiln.internal.paths.RootedPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the root's /etc/passwd for what runc derives from it: the default HOME. */
final class Passwd {
    private Passwd() {}

    /** The home directory of {@code uid} in the root, or "/" when the user or the file is missing (as runc). */
    static String home(Path root, int uid) {
        Path passwd = RootedPaths.onHost(root, "/etc/passwd");
        try {
            if (!Files.isRegularFile(passwd)) return "/";
            for (String line : Files.readAllLines(passwd)) {
                String[] f = line.split(":", -1);
                if (f.length >= 6 && f[2].equals(Integer.toString(uid)) && !f[5].isEmpty()) return f[5];
            }
            return "/";
        } catch (IOException e) {
            throw new ExecException("cannot read /etc/passwd of the step's root: " + e.getMessage(), e);
        }
    }
}
