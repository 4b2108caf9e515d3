package dev.kiln.transport;

import dev.kiln.image.Digest;
import dev.kiln.store.BlobInfo;
import dev.kiln.store.BlobStore;
import dev.kiln.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image archive read in one pass: {@code blobs/<alg>/<hex>} files go into the store, checked
 * against their names; other files (the layers and configs of docker's older layout) go in under
 * the digest of their content; the small description files ({@code index.json},
 * {@code manifest.json}) are kept in memory.
 */
final class ArchiveContents {
    private static final Pattern BLOB = Pattern.compile("blobs/(sha256|sha512)/([0-9a-f]+)");
    private static final int MAX_DESCRIPTION = 16 << 20;

    private final String archive;
    private final Map<String, BlobInfo> stored = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final Map<String, byte[]> descriptions = new HashMap<>();

    private ArchiveContents(String archive) {
        this.archive = archive;
    }

    static ArchiveContents read(Path file, BlobStore blobs) {
        var contents = new ArchiveContents(file.toString());
        try (InputStream raw = java.nio.file.Files.newInputStream(file);
             InputStream in = CompressedFiles.decompressed(raw, file.toString());
             var tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                contents.add(entry, tar, blobs);
            }
        } catch (IOException e) {
            throw new TransportException("cannot read the image archive " + file + ": " + e.getMessage(), e);
        }
        return contents;
    }

    private void add(TarArchiveEntry entry, InputStream tar, BlobStore blobs) throws IOException {
        String name = clean(entry.getName());
        if (entry.isSymbolicLink()) {
            links.put(name, resolve(name, entry.getLinkName()));
        } else if (entry.isLink()) {
            links.put(name, clean(entry.getLinkName()));
        } else if (entry.isFile()) {
            Matcher blob = BLOB.matcher(name);
            if (blob.matches()) {
                stored.put(name, write(blobs, tar, Digest.parse(blob.group(1) + ":" + blob.group(2)), entry));
            } else if (isDescription(name)) {
                descriptions.put(name, readSmall(tar, name, entry.getSize()));
            } else {
                stored.put(name, write(blobs, tar, null, entry));
            }
        }
    }

    private BlobInfo write(BlobStore blobs, InputStream tar, Digest expected, TarArchiveEntry entry) {
        try {
            return blobs.write(tar, expected, entry.getSize());
        } catch (StoreException e) {
            throw new TransportException(archive + ": " + entry.getName() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isDescription(String name) {
        return name.equals("index.json") || name.equals("manifest.json") || name.equals("oci-layout")
                || name.equals("repositories");
    }

    private byte[] readSmall(InputStream tar, String name, long size) throws IOException {
        if (size > MAX_DESCRIPTION) {
            throw new TransportException(archive + ": " + name + " is " + size + " bytes; that is no image description");
        }
        return tar.readNBytes((int) size);
    }

    Optional<byte[]> description(String name) {
        return Optional.ofNullable(descriptions.get(name));
    }

    /** The blob the archive holds at {@code path} (symbolic and hard links followed). */
    BlobInfo blobAt(String path) {
        String name = clean(path);
        for (int hops = 0; links.containsKey(name) && hops < 16; hops++) {
            name = links.get(name);
        }
        BlobInfo info = stored.get(name);
        if (info == null) {
            throw new TransportException(archive + " names " + path + ", which it does not contain; the archive is incomplete");
        }
        return info;
    }

    String archive() {
        return archive;
    }

    private static String clean(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.substring(n.startsWith("./") ? 2 : 1);
        }
        return n;
    }

    private static String resolve(String linkName, String target) {
        if (target.startsWith("/")) {
            return clean(target);
        }
        int slash = linkName.lastIndexOf('/');
        String base = slash < 0 ? "" : linkName.substring(0, slash + 1);
        return clean(Path.of(base + target).normalize().toString());
    }
}
