package dev.kiln.internal.users;

import dev.kiln.KilnException;
import dev.kiln.internal.paths.RootedPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A root filesystem's {@code /etc/passwd} and {@code /etc/group} (found through symlinks resolved
 * inside the root), read once. Blank lines and {@code #} comments are skipped, and so is a line
 * whose ids are not numbers from 0 to 2^31-1: no lookup can use it.
 */
public final class UserDatabase {
    private static final String PASSWD = "/etc/passwd";
    private static final String GROUP = "/etc/group";

    /** One passwd line: {@code name:password:uid:gid:gecos:home:shell} (home may be empty). */
    public record User(String name, int uid, int gid, String home) {}

    /** One group line: {@code name:password:gid:member,member}. */
    public record Group(String name, int gid, List<String> members) {}

    private final Optional<List<User>> users;
    private final Optional<List<Group>> groups;

    private UserDatabase(Optional<List<User>> users, Optional<List<Group>> groups) {
        this.users = users;
        this.groups = groups;
    }

    /** The database of {@code root}; a file the root lacks reads as absent. */
    public static UserDatabase of(Path root) {
        return new UserDatabase(read(root, PASSWD, 4, UserDatabase::user), read(root, GROUP, 3, UserDatabase::group));
    }

    /** No files at all (a scratch root). */
    public static UserDatabase none() {
        return new UserDatabase(Optional.empty(), Optional.empty());
    }

    public boolean hasPasswd() {
        return users.isPresent();
    }

    public boolean hasGroup() {
        return groups.isPresent();
    }

    /** The first passwd entry whose name or uid is {@code nameOrUid}. */
    public Optional<User> user(String nameOrUid) {
        return users.orElse(List.of()).stream()
                .filter(u -> u.name().equals(nameOrUid) || Integer.toString(u.uid()).equals(nameOrUid)).findFirst();
    }

    /** The first group entry whose name or gid is {@code nameOrGid}. */
    public Optional<Group> group(String nameOrGid) {
        return groups.orElse(List.of()).stream()
                .filter(g -> g.name().equals(nameOrGid) || Integer.toString(g.gid()).equals(nameOrGid)).findFirst();
    }

    /** The groups that list {@code userName} as a member. */
    public List<Group> groupsOf(String userName) {
        return groups.orElse(List.of()).stream().filter(g -> g.members().contains(userName)).toList();
    }

    /** The home directory of {@code uid}, or "/" when no entry gives one (as runc). */
    public String home(int uid) {
        return users.orElse(List.of()).stream().filter(u -> u.uid() == uid && !u.home().isEmpty())
                .map(User::home).findFirst().orElse("/");
    }

    private static User user(String[] f) {
        return new User(f[0], id(f[2]), id(f[3]), f.length > 5 ? f[5] : "");
    }

    private static Group group(String[] f) {
        List<String> members = f.length > 3 && !f[3].isEmpty() ? List.of(f[3].split(",")) : List.of();
        return new Group(f[0], id(f[2]), members);
    }

    private static int id(String field) {
        if (!field.matches("[0-9]{1,10}") || Long.parseLong(field) > Integer.MAX_VALUE) {
            throw new NumberFormatException(field);
        }
        return Integer.parseInt(field);
    }

    private static <T> Optional<List<T>> read(Path root, String file, int minFields, Function<String[], T> parse) {
        Path host = RootedPaths.onHost(root, file);
        if (!Files.isRegularFile(host, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Files.readAllBytes(host), StandardCharsets.UTF_8); // malformed bytes never fail a lookup
        } catch (IOException e) {
            throw new KilnException("cannot read " + file + " of the image: " + e.getMessage(), e);
        }
        List<T> entries = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String[] fields = line.split(":", -1);
            if (line.isBlank() || line.startsWith("#") || fields.length < minFields) {
                continue;
            }
            try {
                entries.add(parse.apply(fields));
            } catch (NumberFormatException e) {
                // an entry without numeric ids cannot be used
            }
        }
        return Optional.of(List.copyOf(entries));
    }
}
