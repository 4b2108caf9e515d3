package dev.kiln.image.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The directory a layer is extracted into, and the only place paths inside it are resolved.
 *
 * <p>Resolution walks one component at a time with {@code lstat}, so the kernel never follows a
 * link on our behalf: every returned path consists of real directories below the root. A relative
 * symlink met on the way is expanded by hand (usr-merged {@code lib -> usr/lib}); an absolute one,
 * or a {@code ..} that would climb above the root, rejects the entry.
 */
final class ExtractionRoot {
    private static final int MAX_SYMLINKS = 40; // Linux's MAXSYMLINKS
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path root;

    ExtractionRoot(Path root) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root, NOFOLLOW)) {
            throw new NoSuchFileException(root.toString(), null, "extraction root is not a directory");
        }
    }

    Path path() {
        return root;
    }

    /** The real directory for {@code components}, creating missing ones with mode 0755. */
    Path directoryForWrite(String entry, List<String> components) throws IOException {
        return physical(walk(entry, List.of(), components, Walk.WRITE, "its parent directory"));
    }

    /** The real directory for {@code components}, or empty if some component does not exist. */
    Optional<Path> existingDirectory(String entry, List<String> components, String what) throws IOException {
        return Optional.ofNullable(walk(entry, List.of(), components, Walk.LOOKUP, what)).map(this::physical);
    }

    /**
     * Rejects a new symlink in {@code linkDirectory} whose relative {@code target}, followed through the
     * tree as it stands, climbs above the root. Absolute targets are content, read in the image's root.
     */
    void checkSymlinkTarget(String entry, Path linkDirectory, String target) throws IOException {
        if (!target.startsWith("/")) {
            walk(entry, components(linkDirectory), List.of(target.split("/")), Walk.LINK_TARGET,
                    "its symlink target \"" + target + "\"");
        }
    }

    /** Path of {@code physical} relative to the root, as tar names it ("" for the root). */
    String relative(Path physical) {
        return root.relativize(physical).toString();
    }

    private enum Walk { WRITE, LOOKUP, LINK_TARGET }

    /**
     * Resolves {@code path} from the real directory {@code start}. Returns the real components, or
     * null when the walk ends early: LOOKUP on a missing component; LINK_TARGET on an absolute link
     * or a non-directory (a dangling link is content, not an escape).
     */
    private List<String> walk(String entry, List<String> start, List<String> path, Walk walk, String what)
            throws IOException {
        List<String> resolved = new ArrayList<>(start);
        Deque<String> pending = new ArrayDeque<>(path);
        int linksFollowed = 0;
        String lastLink = "";
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (resolved.isEmpty()) {
                    throw ExtractionException.rejected(entry, what + " leads outside the extraction root" + lastLink);
                }
                resolved.removeLast();
                continue;
            }
            Path candidate = physical(resolved).resolve(name);
            BasicFileAttributes attributes = ExtractionFiles.lstat(candidate);
            if (attributes == null) {
                switch (walk) {
                    case LOOKUP -> {
                        return null;
                    }
                    case WRITE -> Files.createDirectory(candidate,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                    case LINK_TARGET -> { } // the rest of a dangling target is followed lexically
                }
                resolved.add(name);
            } else if (attributes.isDirectory()) {
                resolved.add(name);
            } else if (attributes.isSymbolicLink()) {
                String target = Files.readSymbolicLink(candidate).toString();
                String link = " (through symlink \"" + relative(candidate) + "\" -> \"" + target + "\")";
                if (target.startsWith("/")) {
                    if (walk == Walk.LINK_TARGET) {
                        return null;
                    }
                    throw ExtractionException.rejected(entry, what + " passes through an absolute symlink, which "
                            + "would lead outside the extraction root" + link);
                }
                if (++linksFollowed > MAX_SYMLINKS) {
                    throw ExtractionException.rejected(entry, what + " has too many levels of symbolic links");
                }
                List<String> expansion = List.of(target.split("/"));
                for (int i = expansion.size() - 1; i >= 0; i--) {
                    pending.addFirst(expansion.get(i));
                }
                lastLink = link;
            } else if (walk == Walk.LINK_TARGET) {
                return null;
            } else {
                throw ExtractionException.rejected(entry, what + " \"" + relative(candidate) + "\" is not a directory");
            }
        }
        return resolved;
    }

    private Path physical(List<String> components) {
        Path path = root;
        for (String component : components) {
            path = path.resolve(component);
        }
        return path;
    }

    private List<String> components(Path physical) {
        List<String> names = new ArrayList<>();
        for (Path name : root.relativize(physical)) {
            if (!name.toString().isEmpty()) {
                names.add(name.toString());
            }
        }
        return names;
    }
}
