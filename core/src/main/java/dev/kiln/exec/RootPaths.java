package dev.kiln.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Resolves container paths on the host the way the container would see them: symlinks stay inside the root. */
public final class RootPaths {
    private static final int MAX_LINKS = 40;

    private RootPaths() {}

    /** The host path of {@code containerPath}, every symlink on the way resolved against {@code root}. */
    public static Path resolve(Path root, String containerPath) {
        Deque<String> todo = new ArrayDeque<>(components(containerPath));
        Path current = root;
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.pollFirst();
            if (name.equals("..")) {
                current = current.equals(root) ? root : current.getParent();
                continue;
            }
            Path next = current.resolve(name);
            if (!Files.isSymbolicLink(next)) {
                current = next;
                continue;
            }
            if (++links > MAX_LINKS) throw new ExecException("too many symlinks resolving " + containerPath + " in " + root);
            String target = readLink(next);
            if (target.startsWith("/")) current = root;
            List<String> parts = components(target);
            for (int i = parts.size() - 1; i >= 0; i--) todo.addFirst(parts.get(i));
        }
        return current;
    }

    /** Creates {@code containerPath} as a directory inside the root, like {@code mkdir -p} would in there. */
    static Path mkdirs(Path root, String containerPath) {
        Path dir = resolve(root, containerPath);
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new ExecException("cannot create " + containerPath + " in the step's root: " + e.getMessage(), e);
        }
    }

    private static List<String> components(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty() && !s.equals(".")).toList();
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new ExecException("cannot read symlink " + link + ": " + e.getMessage(), e);
        }
    }
}
