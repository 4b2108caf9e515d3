package dev.kiln.solve;

import dev.kiln.KilnException;
import dev.kiln.exec.ExecSpec;
import dev.kiln.internal.paths.RootedPaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a USER value ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}) against a
 * root filesystem's /etc/passwd and /etc/group, as runc's user lookup does for BuildKit: a numeric
 * user not in passwd runs with gid 0; a named one must exist; supplementary groups come from /etc/group.
 */
final class UserLookup {
    private final List<String[]> passwd;
    private final List<String[]> group;

    private UserLookup(List<String[]> passwd, List<String[]> group) {
        this.passwd = passwd;
        this.group = group;
    }

    static UserLookup in(Path root) {
        return new UserLookup(read(RootedPaths.onHost(root, "/etc/passwd"), 7), read(RootedPaths.onHost(root, "/etc/group"), 4));
    }

    ExecSpec.User resolve(String spec) {
        if (spec.isEmpty()) {
            return ExecSpec.User.ROOT;
        }
        int colon = spec.indexOf(':');
        var userPart = colon < 0 ? spec : spec.substring(0, colon);
        var entry = findUser(userPart);
        int uid = entry.map(e -> Integer.parseInt(e[2])).orElseGet(() -> numeric(userPart, "user", "passwd"));
        int gid = colon < 0 ? entry.map(e -> Integer.parseInt(e[3])).orElse(0) : groupId(spec.substring(colon + 1));
        var name = entry.map(e -> e[0]).orElse(null);
        var extra = new ArrayList<Integer>();
        if (colon < 0 && name != null) {
            for (var g : group) {
                if (List.of(g[3].split(",")).contains(name) && isNumber(g[2]) && Integer.parseInt(g[2]) != gid) {
                    extra.add(Integer.parseInt(g[2]));
                }
            }
        }
        return new ExecSpec.User(uid, gid, extra);
    }

    private Optional<String[]> findUser(String user) {
        return passwd.stream().filter(e -> (e[0].equals(user) || e[2].equals(user)) && isNumber(e[2]) && isNumber(e[3]))
                .findFirst();
    }

    private int groupId(String groupSpec) {
        return group.stream().filter(g -> (g[0].equals(groupSpec) || g[2].equals(groupSpec)) && isNumber(g[2]))
                .findFirst().map(g -> Integer.parseInt(g[2]))
                .orElseGet(() -> numeric(groupSpec, "group", "group"));
    }

    private static int numeric(String value, String what, String file) {
        if (isNumber(value)) {
            return Integer.parseInt(value);
        }
        throw new KilnException("unable to find " + what + " " + value + ": no matching entries in " + file
                + " file (/etc/" + file + " of the image)");
    }

    private static boolean isNumber(String s) {
        return s.matches("[0-9]{1,9}");
    }

    private static List<String[]> read(Path file, int fields) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(":", -1))
                    .filter(parts -> parts.length >= fields)
                    .toList();
        } catch (IOException e) {
            throw new KilnException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
