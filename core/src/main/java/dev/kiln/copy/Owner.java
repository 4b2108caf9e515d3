package dev.kiln.copy;

import dev.kiln.KilnException;
import dev.kiln.internal.users.UserDatabase;
import java.nio.file.Path;
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
        UserDatabase database = null; // read only when a name needs it
        long uid = 0;
        long gid = 0;
        if (!user.isEmpty()) {
            Long id = numeric(user);
            if (id != null) {
                uid = id;
                gid = id;
            } else {
                database = read(root);
                UserDatabase.User entry = lookup(database.hasPasswd(), database.user(user), "/etc/passwd", user, "user");
                uid = entry.uid();
                gid = entry.gid();
            }
        }
        if (colon >= 0) {
            String group = spec.substring(colon + 1);
            Long id = numeric(group);
            if (id == null) {
                database = database != null ? database : read(root);
                id = (long) lookup(database.hasGroup(), database.group(group), "/etc/group", group, "group").gid();
            }
            gid = id;
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

    private static <T> T lookup(boolean fileExists, Optional<T> entry, String file, String name, String what) {
        if (!fileExists) {
            throw new CopyException("--chown: cannot resolve " + what + " '" + name + "': the destination stage has no "
                    + file + "; use a numeric id or create the " + what + " first");
        }
        return entry.orElseThrow(() -> new CopyException("--chown: unknown " + what + " '" + name + "': " + file
                + " of the destination stage lacks it; use a numeric id or create the " + what + " first"));
    }

    private static UserDatabase read(Path root) {
        if (root == null) {
            return UserDatabase.none();
        }
        try {
            return UserDatabase.of(root);
        } catch (KilnException e) {
            throw new CopyException(e.getMessage() + " (destination stage)", e);
        }
    }
}
