package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Index;
import dev.kiln.store.BlobStore;
import dev.kiln.store.ImageNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Adds an image to an OCI image layout folder, as BuildKit's client does for
 * {@code type=oci,tar=false}: blobs copied in (each written to a temp file, then renamed), and one
 * {@code index.json} entry per name, replacing entries of the same name; with no name, the entry
 * is tagged {@code latest}.
 */
final class OciLayoutWriter {
    private final Path layout;

    OciLayoutWriter(Path layout) {
        this.layout = layout;
    }

    void add(BlobStore blobs, Descriptor target, List<ImageReference> names) {
        Descriptor unnamed = ExportName.unnamed(target);
        try {
            Files.createDirectories(layout);
            for (Descriptor d : ImageGraph.blobs(blobs, unnamed)) {
                copyBlob(blobs, d);
            }
            Files.writeString(layout.resolve("oci-layout"), ImageArchive.OCI_LAYOUT, StandardCharsets.UTF_8);
            updateIndex(unnamed, names);
        } catch (IOException e) {
            throw new TransportException("cannot write the OCI layout " + layout + ": " + e.getMessage(), e);
        }
    }

    private void copyBlob(BlobStore blobs, Descriptor d) throws IOException {
        Path target = layout.resolve(ImageArchive.blobPath(d.digest()));
        if (Files.isRegularFile(target) && Files.size(target) == d.size()) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(".tmp-" + UUID.randomUUID());
        try (InputStream in = blobs.openVerified(d.digest())) {
            Files.copy(in, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @SuppressWarnings("try") // the lock is held, not used
    private void updateIndex(Descriptor target, List<ImageReference> names) throws IOException {
        Path lockFile = layout.resolve("index.json.lock");
        try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = lock.lock()) {
            Path indexFile = layout.resolve("index.json");
            Index index = Files.exists(indexFile) ? ImageCodec.decodeIndex(Files.readAllBytes(indexFile)) : Index.oci(List.of());
            List<Descriptor> manifests = new ArrayList<>(index.manifests());
            if (names.isEmpty()) {
                insert(manifests, target, "", "latest");
            }
            for (ImageReference name : names) {
                insert(manifests, target, name.toString(), ExportName.ociReferenceName(name));
            }
            Path temp = indexFile.resolveSibling(".tmp-index.json-" + UUID.randomUUID());
            try {
                Files.write(temp, ImageCodec.encode(index.withManifests(manifests)));
                Files.move(temp, indexFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } finally {
            Files.deleteIfExists(lockFile);
        }
    }

    private static void insert(List<Descriptor> manifests, Descriptor target, String fullName, String refName) {
        manifests.removeIf(m -> refName.equals(m.annotation(ImageNames.OCI_REF_NAME))
                && fullName.equals(orEmpty(m.annotation(ImageNames.CONTAINERD_NAME))));
        var annotations = new java.util.HashMap<>(target.annotations());
        if (!fullName.isEmpty()) {
            annotations.put(ImageNames.CONTAINERD_NAME, fullName);
        }
        annotations.put(ImageNames.OCI_REF_NAME, refName);
        manifests.add(target.withAnnotations(annotations));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
