package dev.kiln.copy;

import dev.kiln.internal.paths.RootedPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The numeric owner {@code --chown=user[:group]} names. Names are looked up in the destination
 * stage's {@code /etc/passwd} and {@code /etc/group}; numbers are taken as they are;
 * {@code root} is 0 even without a passwd file; a user given alone brings its passwd group
 * (a numeric user alone: the same number as group), as BuildKit does.
 */
record Owner(long uid, long gid) {
    private static final long MAX_ID = 0x7fffffffL;

    /** @param root the destination root (null for scratch) whose user database resolves names */
    static Optional<Owner> parse(Optional<String> chown, Path root) {
        if (chown.isEmpty() || chown.get().isEmpty()) {
            return Optional.empty();
        }
        String spec = chown.get();
        int colon = spec.indexOf(':');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        long uid = 0;
        long gid = 0;
        if (!user.isEmpty()) {
            Long id = numeric(user);
            if (id != null) {
                uid = id;
                gid = id;
            } else {
                String[] entry = lookup(root, "/etc/passwd", user, "user");
                uid = field(entry, 2, "/etc/passwd", user);
                gid = field(entry, 3, "/etc/passwd", user);
            }
        }
        if (colon >= 0) {
            String group = spec.substring(colon + 1);
            Long id = numeric(group);
            gid = id != null ? id : field(lookup(root, "/etc/group", group, "group"), 2, "/etc/group", group);
        }
        return Optional.of(new Owner(uid, gid));
    }

    private static Long numeric(String name) {
        if (name.equals("root")) {
            return 0L;
        }
        if (!name.matches("[0-9]{1,10}")) {
            return null;
        }
        long id = Long.parseLong(name);
        if (id > MAX_ID) {
            throw new CopyException("--chown id " + name + " is out of range (at most " + MAX_ID + ")");
        }
        return id;
    }

    private static String[] lookup(Path root, String file, String name, String what) {
        List<String> lines = readDatabase(root, file);
        if (lines == null) {
            throw new CopyException("--chown: cannot resolve " + what + " '" + name + "': the destination stage has no "
                    + file + "; use a numeric id or create the " + what + " first");
        }
        for (String line : lines) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && f[0].equals(name)) {
                return f;
            }
        }
        throw new CopyException("--chown: unknown " + what + " '" + name + "': " + file
                + " of the destination stage lacks it; use a numeric id or create the " + what + " first");
    }

    private static long field(String[] entry, int index, String file, String name) {
        try {
            return Long.parseLong(entry[index]);
        } catch (RuntimeException e) {
            throw new CopyException("--chown: the entry for '" + name + "' in " + file
                    + " of the destination stage has no valid numeric id");
        }
    }

    /** The lines of a user database inside the root (symlinks resolved inside it), or null when absent. */
    private static List<String> readDatabase(Path root, String file) {
        if (root == null) {
            return null;
        }
        DestTree tree = new DestTree(root);
        String resolved = tree.resolve(RootedPaths.clean(file));
        Path host = root.resolve(resolved);
        if (!Files.isRegularFile(host)) {
            return null;
        }
        try {
            return Files.readAllLines(host, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CopyException("cannot read " + file + " of the destination stage: " + e.getMessage(), e);
        }
    }
}
