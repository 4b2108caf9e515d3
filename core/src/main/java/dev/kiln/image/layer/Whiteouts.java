package dev.kiln.image.layer;

import dev.kiln.image.layer.ExtractionOptions.WhiteoutMode;
import dev.kiln.internal.sys.FileNodes;
import dev.kiln.internal.sys.Xattrs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * OCI whiteout entries: {@code .wh.name} hides {@code name}, {@code .wh..wh..opq} hides everything
 * a lower layer put in its directory. Either applied (DELETE) or recorded the way overlayfs reads
 * them in a lowerdir (OVERLAY).
 */
final class Whiteouts {
    static final String OVERLAY_OPAQUE_XATTR = "trusted.overlay.opaque";
    private static final String AUFS_META_PREFIX = ExtractionPath.WHITEOUT_PREFIX + ExtractionPath.WHITEOUT_PREFIX;

    private final ExtractionRoot root;
    private final WhiteoutMode mode;
    private final ExtractionLedger ledger;

    Whiteouts(ExtractionRoot root, WhiteoutMode mode, ExtractionLedger ledger) {
        this.root = root;
        this.mode = mode;
        this.ledger = ledger;
    }

    void apply(String entry, ExtractionPath path) throws IOException {
        if (path.isOpaqueMarker()) {
            opaque(entry, path.parent());
        } else if (!path.baseName().startsWith(AUFS_META_PREFIX)) { // .wh..wh.plnk etc.: aufs bookkeeping
            String hidden = path.baseName().substring(ExtractionPath.WHITEOUT_PREFIX.length());
            if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
                throw ExtractionException.rejected(entry, "it is a whiteout for \"" + hidden + "\", which is not a name");
            }
            whiteout(entry, path.parent(), hidden);
        }
    }

    private void whiteout(String entry, List<String> directory, String hidden) throws IOException {
        Optional<Path> parent = mode == WhiteoutMode.DELETE
                ? root.existingDirectory(entry, directory, "its directory")
                : Optional.of(root.directoryForWrite(entry, directory));
        if (parent.isEmpty()) {
            return; // nothing below to hide
        }
        Path victim = parent.get().resolve(hidden);
        if (ledger.wrote(root.relative(victim))) {
            return;
        }
        ExtractionFiles.deleteRecursively(victim);
        if (mode == WhiteoutMode.OVERLAY) {
            FileNodes.mkWhiteout(victim);
        }
    }

    private void opaque(String entry, List<String> directory) throws IOException {
        if (mode == WhiteoutMode.OVERLAY) {
            Path dir = root.directoryForWrite(entry, directory);
            Xattrs.set(dir, OVERLAY_OPAQUE_XATTR, "y".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        Optional<Path> dir = root.existingDirectory(entry, directory, "its directory");
        if (dir.isPresent()) {
            removeLowerChildren(dir.get());
        }
    }

    /** Deletes what is below {@code directory} except what this layer wrote (and the directories leading to it). */
    private void removeLowerChildren(Path directory) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(directory)) {
            children = list.toList();
        }
        for (Path child : children) {
            String relative = root.relative(child);
            if (!ledger.wroteAtOrBelow(relative)) {
                ExtractionFiles.deleteRecursively(child);
            } else if (isRealDirectory(child)) {
                removeLowerChildren(child);
            }
        }
    }

    private static boolean isRealDirectory(Path path) throws IOException {
        BasicFileAttributes attributes = ExtractionFiles.lstat(path);
        return attributes != null && attributes.isDirectory();
    }
}
