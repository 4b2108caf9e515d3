package dev.kiln.snapshot;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.layer.ExtractionOptions;
import dev.kiln.image.layer.LayerExtractor;
import dev.kiln.image.layer.LayerStreams;
import dev.kiln.store.BlobStore;
import dev.kiln.store.VerifyingInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Each layer unpacked once, in overlay form (whiteouts as 0/0 devices, opaque xattrs), into
 * {@code snapshots/<diffID>}, shared by every build that uses it as an overlay lower dir.
 * A layer is unpacked into a temp dir and renamed into place, so a killed unpack leaves no
 * half snapshot behind; its uncompressed bytes are checked against the diffID first.
 */
public final class LayerSnapshots {
    private final Path root;
    private final BlobStore blobs;

    public LayerSnapshots(Path root, BlobStore blobs) {
        this.root = root;
        this.blobs = blobs;
    }

    /** The unpacked directory of the layer, unpacking it now if no build has before. */
    public Path unpacked(Descriptor layer, Digest diffId) {
        var target = root.resolve(diffId.algorithm().id() + "-" + diffId.hex());
        if (Files.isDirectory(target)) {
            return target;
        }
        var temp = root.resolve(".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
            unpackInto(layer, diffId, temp);
            moveIntoPlace(temp, target);
            return target;
        } catch (IOException e) {
            throw new SnapshotException("cannot unpack layer " + layer.digest() + " into " + target + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            TreeOps.deleteTree(dir);
        } catch (IOException e) {
            // a leftover temp dir is harmless: its name is never read as a snapshot
        }
    }

    /** Removes every unpacked layer whose diffID is not in {@code keep}; returns how many went. */
    public int retainOnly(java.util.Set<Digest> keep) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        var names = keep.stream().map(d -> d.algorithm().id() + "-" + d.hex()).collect(java.util.stream.Collectors.toSet());
        int removed = 0;
        try (var dirs = Files.list(root)) {
            for (var dir : dirs.toList()) {
                if (!names.contains(dir.getFileName().toString())) {
                    deleteQuietly(dir);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new SnapshotException("cannot list the unpacked layers in " + root + ": " + e.getMessage(), e);
        }
        return removed;
    }

    private void unpackInto(Descriptor layer, Digest diffId, Path dir) throws IOException {
        try (var blob = blobs.openVerified(layer.digest());
             var tar = new VerifyingInputStream(LayerStreams.uncompressed(blob, layer.mediaType()), diffId,
                     "layer " + layer.digest() + " (uncompressed)")) {
            new LayerExtractor(ExtractionOptions.overlaySnapshot()).extract(tar, dir);
            drain(tar);
        }
    }

    private static void drain(InputStream in) throws IOException {
        var buffer = new byte[1 << 16];
        while (in.read(buffer) >= 0) {
            // reading to the end makes the verifying stream check the digest
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the snapshot folder does not support atomic renames", e);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
            // another build unpacked the same layer first (Linux says ENOTEMPTY or EEXIST): theirs is identical
        }
    }
}
