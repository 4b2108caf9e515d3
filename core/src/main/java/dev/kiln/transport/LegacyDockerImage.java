package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Manifest;
import dev.kiln.image.MediaType;
import dev.kiln.store.BlobInfo;
import dev.kiln.store.BlobStore;
import dev.kiln.store.ImageNames;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An image from a docker archive that has only {@code manifest.json} (docker before 25): its
 * config and layer files are already in the store; this writes an OCI manifest for them (OCI media
 * types, unlike containerd's import, so every OCI layout reader such as umoci can read the store;
 * the config bytes, and so the image ID, stay as they were).
 */
final class LegacyDockerImage {
    private LegacyDockerImage() {
    }

    static LoadedImage store(BlobStore blobs, ArchiveContents contents, ArchiveLoader.DockerEntry entry) {
        BlobInfo configBlob = contents.blobAt(entry.config());
        ImageConfig config = ArchiveLoader.config(blobs.readAll(configBlob.digest()), contents.archive() + ": " + entry.config());
        List<Descriptor> layers = new ArrayList<>();
        for (String path : entry.layers()) {
            BlobInfo layer = contents.blobAt(path);
            layers.add(layer.descriptor(layerType(blobs, layer.digest())));
        }
        String what = "image " + configBlob.digest() + " in " + contents.archive();
        DiffIds.verify(blobs, layers, config.rootfs().diffIds(), what);
        Manifest manifest = Manifest.oci(configBlob.descriptor(MediaType.OCI_CONFIG), layers);
        byte[] bytes = ImageCodec.encode(manifest);
        BlobInfo manifestBlob = blobs.write(bytes);
        List<ImageReference> names = entry.repoTags().stream().map(ImageNames::parse).toList();
        return new LoadedImage(manifestBlob.descriptor(MediaType.OCI_MANIFEST), configBlob.digest(), names);
    }

    /** The OCI layer type for the compression the blob starts with. */
    private static MediaType layerType(BlobStore blobs, Digest layer) {
        try (InputStream in = new BufferedInputStream(blobs.open(layer))) {
            return switch (CompressedFiles.sniff(in)) {
                case NONE -> MediaType.OCI_LAYER;
                case GZIP -> MediaType.OCI_LAYER_GZIP;
                case ZSTD -> MediaType.OCI_LAYER_ZSTD;
                case BZIP2, XZ -> throw new TransportException("layer " + layer + " is compressed with bzip2 or xz, "
                        + "which image layers may not be");
            };
        } catch (IOException e) {
            throw new TransportException("cannot read layer " + layer + ": " + e.getMessage(), e);
        }
    }
}
