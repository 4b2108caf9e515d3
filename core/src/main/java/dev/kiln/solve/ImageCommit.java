package dev.kiln.solve;

import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.Manifest;
import dev.kiln.image.MediaType;
import dev.kiln.store.Store;

import java.time.Instant;
import java.util.List;

/** Writes an image's config and OCI manifest into the store and names it. */
final class ImageCommit {
    private ImageCommit() {}

    static BuildResult commit(Store store, ImageState image, Instant created, List<String> tags) {
        var config = image.config().withCreated(created);
        var configBytes = ImageCodec.encode(config);
        var configInfo = store.blobs().write(configBytes);
        var configDescriptor = Descriptor.of(MediaType.OCI_CONFIG, configInfo.digest(), configBytes.length);
        var layers = image.layers().stream().map(l -> asOci(l.blob())).toList();
        var manifestBytes = ImageCodec.encode(Manifest.oci(configDescriptor, layers));
        var manifestInfo = store.blobs().write(manifestBytes);
        var manifest = Descriptor.of(MediaType.OCI_MANIFEST, manifestInfo.digest(), manifestBytes.length);
        tags.forEach(tag -> store.names().put(tag, manifest));
        return new BuildResult(manifest, configDescriptor, new ImageState(config, image.layers()));
    }

    /** Docker schema-2 layer types written as their OCI equivalents (same bytes), as BuildKit's OCI exporter does. */
    private static Descriptor asOci(Descriptor layer) {
        var type = layer.mediaType();
        if (type.equals(MediaType.DOCKER_LAYER_GZIP)) {
            return Descriptor.of(MediaType.OCI_LAYER_GZIP, layer.digest(), layer.size());
        }
        if (type.equals(MediaType.DOCKER_LAYER)) {
            return Descriptor.of(MediaType.OCI_LAYER, layer.digest(), layer.size());
        }
        if (type.equals(MediaType.DOCKER_LAYER_ZSTD)) {
            return Descriptor.of(MediaType.OCI_LAYER_ZSTD, layer.digest(), layer.size());
        }
        return Descriptor.of(type, layer.digest(), layer.size());
    }
}
