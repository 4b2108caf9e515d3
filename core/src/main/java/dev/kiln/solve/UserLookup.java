package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.exec.ExecSpec;
import dev.kiln.internal.users.UserDatabase;

import java.nio.file.Path;
import java.util.List;

/**
 * Resolves a USER value ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}) against a
 * root filesystem's /etc/passwd and /etc/group, as runc's user lookup does for BuildKit: a numeric
 * user not in passwd runs with gid 0; a named one must exist; supplementary groups come from /etc/group.
 */
final class UserLookup {
    private final UserDatabase users;

    private UserLookup(UserDatabase users) {
        this.users = users;
    }

    static UserLookup in(Path root) {
        return new UserLookup(UserDatabase.of(root));
    }

    ExecSpec.User resolve(String spec) {
        if (spec.isEmpty()) {
            return ExecSpec.User.ROOT;
        }
        int colon = spec.indexOf(':');
        var userPart = colon < 0 ? spec : spec.substring(0, colon);
        var entry = users.user(userPart);
        int uid = entry.map(UserDatabase.User::uid).orElseGet(() -> numeric(userPart, "user", "passwd"));
        int gid = colon < 0 ? entry.map(UserDatabase.User::gid).orElse(0) : groupId(spec.substring(colon + 1));
        List<Integer> extra = colon >= 0 || entry.isEmpty() ? List.of()
                : users.groupsOf(entry.get().name()).stream().map(UserDatabase.Group::gid).filter(g -> g != gid).toList();
        return new ExecSpec.User(uid, gid, extra);
    }

    private int groupId(String groupSpec) {
        return users.group(groupSpec).map(UserDatabase.Group::gid)
                .orElseGet(() -> numeric(groupSpec, "group", "group"));
    }

    private static int numeric(String value, String what, String file) {
        if (value.matches("[0-9]{1,9}")) {
            return Integer.parseInt(value);
        }
        throw new KilnException("unable to find " + what + " " + value + ": no matching entries in " + file
                + " file (/etc/" + file + " of the image)");
    }
}
