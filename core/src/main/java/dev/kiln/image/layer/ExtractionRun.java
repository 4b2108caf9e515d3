package dev.kiln.image.layer;

import dev.kiln.internal.sys.FileNodes;
import dev.kiln.internal.sys.SysException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** One layer being extracted into one root: the entry loop and its per-layer state. */
final class ExtractionRun {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private enum Kind { DIRECTORY, FILE, SYMLINK, HARDLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO }

    private final ExtractionRoot root;
    private final ExtractionOptions options;
    private final ExtractionLedger ledger = new ExtractionLedger();
    private final Whiteouts whiteouts;
    // Directory metadata waits until the end: writing children would change their mtimes.
    private final Map<Path, ExtractionMetadata> directories = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private long entries;

    ExtractionRun(ExtractionRoot root, ExtractionOptions options) {
        this.root = root;
        this.options = options;
        this.whiteouts = new Whiteouts(root, options.whiteouts(), ledger);
    }

    ExtractionResult run(TarArchiveInputStream tar) {
        for (TarArchiveEntry entry = next(tar); entry != null; entry = next(tar)) {
            entries++;
            try {
                extract(tar, entry);
            } catch (IOException | SysException e) {
                throw ExtractionException.failed(entry.getName(), e);
            }
        }
        finishDirectories();
        return new ExtractionResult(entries, warnings);
    }

    private void extract(TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
        String name = entry.getName();
        ExtractionPath path = ExtractionPath.parse(name, name, "name");
        if (path.isWhiteout()) {
            whiteouts.apply(name, path);
            return;
        }
        Kind kind = kindOf(entry);
        if (path.isRoot()) {
            if (kind != Kind.DIRECTORY) {
                throw ExtractionException.rejected(name, "it names the root, which can only be a directory");
            }
            directories.put(root.path(), ExtractionMetadata.of(entry));
            return;
        }
        Path directory = root.directoryForWrite(name, path.parent());
        Path target = directory.resolve(path.baseName());
        Path linkTarget = kind == Kind.HARDLINK ? hardlinkTarget(name, entry.getLinkName(), target) : null;
        if (kind == Kind.SYMLINK) {
            checkSymlink(name, directory, entry.getLinkName());
        }
        clear(target, kind);
        create(tar, entry, kind, target, linkTarget);
        ledger.record(root.relative(target));
    }

    private void create(TarArchiveInputStream tar, TarArchiveEntry entry, Kind kind, Path target, Path linkTarget) throws IOException {
        ExtractionMetadata metadata = ExtractionMetadata.of(entry);
        switch (kind) {
            case DIRECTORY -> {
                if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(target, OWNER_ONLY_DIR);
                }
                directories.put(target, metadata);
                return;
            }
            case FILE -> writeFile(tar, target);
            case SYMLINK -> Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            // A hardlink shares its target's inode, whose metadata its own entry already set.
            case HARDLINK -> {
                Files.createLink(target, linkTarget);
                return;
            }
            case CHAR_DEVICE -> FileNodes.mknod(target, FileNodes.S_IFCHR | 0600,
                    entry.getDevMajor(), entry.getDevMinor());
            case BLOCK_DEVICE -> FileNodes.mknod(target, FileNodes.S_IFBLK | 0600,
                    entry.getDevMajor(), entry.getDevMinor());
            case FIFO -> FileNodes.mknod(target, FileNodes.S_IFIFO | 0600, 0, 0);
        }
        metadata.apply(target, options, warnings::add);
    }

    private static void writeFile(TarArchiveInputStream tar, Path target) throws IOException {
        Set<OpenOption> openOptions = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try (OutputStream out = Channels.newOutputStream(Files.newByteChannel(target, openOptions, OWNER_ONLY_FILE))) {
            tar.transferTo(out);
        }
    }

    /** Makes room for the new entry: an existing directory stays for a directory entry, anything else goes. */
    private static void clear(Path target, Kind kind) throws IOException {
        BasicFileAttributes existing = ExtractionFiles.lstat(target);
        if (existing != null && !(kind == Kind.DIRECTORY && existing.isDirectory())) {
            ExtractionFiles.deleteRecursively(target);
        }
    }

    private void checkSymlink(String name, Path directory, String linkName) throws IOException {
        if (linkName == null || linkName.isEmpty()) {
            throw ExtractionException.rejected(name, "it is a symlink with an empty target");
        }
        root.checkSymlinkTarget(name, directory, linkName);
    }

    /** The existing file a hardlink entry points at, resolved inside the root and never through a symlink. */
    private Path hardlinkTarget(String name, String linkName, Path link) throws IOException {
        ExtractionPath target = ExtractionPath.parse(name, linkName, "hardlink target");
        String quoted = "its hardlink target \"" + linkName + "\"";
        if (target.isRoot()) {
            throw ExtractionException.rejected(name, quoted + " is the root directory");
        }
        Path existing = root.existingDirectory(name, target.parent(), quoted)
                .map(directory -> directory.resolve(target.baseName()))
                .orElse(null);
        BasicFileAttributes attributes = existing == null ? null : ExtractionFiles.lstat(existing);
        if (attributes == null) {
            throw ExtractionException.rejected(name, quoted
                    + " does not exist; a hardlink may only point at an entry extracted before it");
        }
        if (attributes.isDirectory()) {
            throw ExtractionException.rejected(name, quoted + " is a directory");
        }
        if (existing.equals(link)) {
            throw ExtractionException.rejected(name, "it is a hardlink to itself");
        }
        return existing;
    }

    private static Kind kindOf(TarArchiveEntry entry) {
        if (entry.isSymbolicLink()) {
            return Kind.SYMLINK;
        } else if (entry.isLink()) {
            return Kind.HARDLINK;
        } else if (entry.isCharacterDevice()) {
            return Kind.CHAR_DEVICE;
        } else if (entry.isBlockDevice()) {
            return Kind.BLOCK_DEVICE;
        } else if (entry.isFIFO()) {
            return Kind.FIFO;
        } else if (entry.isDirectory()) {
            return Kind.DIRECTORY;
        } else if (entry.isFile() || entry.getLinkFlag() == TarConstants.LF_CONTIG) {
            return Kind.FILE;
        }
        throw ExtractionException.rejected(entry.getName(),
                "its tar type '" + (char) entry.getLinkFlag() + "' is not a file, directory, link, device or fifo");
    }

    private void finishDirectories() {
        directories.forEach((directory, metadata) -> {
            try {
                BasicFileAttributes attributes = ExtractionFiles.lstat(directory);
                if (attributes != null && attributes.isDirectory()) {
                    metadata.apply(directory, options, warnings::add);
                }
            } catch (IOException | SysException e) {
                throw ExtractionException.failed(root.relative(directory), e);
            }
        });
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar) {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw ExtractionException.unreadable(e);
        }
    }
}
