package dev.kiln.image;

import java.util.Objects;

/**
 * A media type string. Any value is representable (registries carry artifacts of every kind);
 * the constants cover the OCI and Docker v2 schema 2 types Kiln reads and writes.
 */
public record MediaType(String value) {
    public static final MediaType OCI_MANIFEST = new MediaType("application/vnd.oci.image.manifest.v1+json");
    public static final MediaType OCI_INDEX = new MediaType("application/vnd.oci.image.index.v1+json");
    public static final MediaType OCI_CONFIG = new MediaType("application/vnd.oci.image.config.v1+json");
    public static final MediaType OCI_LAYER = new MediaType("application/vnd.oci.image.layer.v1.tar");
    public static final MediaType OCI_LAYER_GZIP = new MediaType("application/vnd.oci.image.layer.v1.tar+gzip");
    public static final MediaType OCI_LAYER_ZSTD = new MediaType("application/vnd.oci.image.layer.v1.tar+zstd");
    public static final MediaType OCI_LAYER_NONDISTRIBUTABLE =
            new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar");
    public static final MediaType OCI_LAYER_NONDISTRIBUTABLE_GZIP =
            new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip");
    public static final MediaType OCI_LAYER_NONDISTRIBUTABLE_ZSTD =
            new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");
    public static final MediaType OCI_EMPTY = new MediaType("application/vnd.oci.empty.v1+json");

    public static final MediaType DOCKER_MANIFEST =
            new MediaType("application/vnd.docker.distribution.manifest.v2+json");
    public static final MediaType DOCKER_MANIFEST_LIST =
            new MediaType("application/vnd.docker.distribution.manifest.list.v2+json");
    public static final MediaType DOCKER_CONFIG = new MediaType("application/vnd.docker.container.image.v1+json");
    public static final MediaType DOCKER_LAYER = new MediaType("application/vnd.docker.image.rootfs.diff.tar");
    public static final MediaType DOCKER_LAYER_GZIP =
            new MediaType("application/vnd.docker.image.rootfs.diff.tar.gzip");
    public static final MediaType DOCKER_LAYER_ZSTD =
            new MediaType("application/vnd.docker.image.rootfs.diff.tar.zstd");
    public static final MediaType DOCKER_FOREIGN_LAYER =
            new MediaType("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");

    /** How a layer's bytes are compressed. */
    public enum Compression { NONE, GZIP, ZSTD }

    public MediaType {
        Objects.requireNonNull(value, "media type");
        if (value.isBlank()) {
            throw new ImageFormatException("empty media type");
        }
    }

    public static MediaType of(String value) {
        return new MediaType(value);
    }

    public boolean isManifest() {
        return equals(OCI_MANIFEST) || equals(DOCKER_MANIFEST);
    }

    public boolean isIndex() {
        return equals(OCI_INDEX) || equals(DOCKER_MANIFEST_LIST);
    }

    public boolean isConfig() {
        return equals(OCI_CONFIG) || equals(DOCKER_CONFIG);
    }

    public boolean isLayer() {
        return value.startsWith("application/vnd.oci.image.layer.") || value.startsWith("application/vnd.docker.image.rootfs.");
    }

    /** Foreign (Docker) or non-distributable (OCI) layers: registries may refuse to store them. */
    public boolean isForeignLayer() {
        return equals(DOCKER_FOREIGN_LAYER) || value.startsWith("application/vnd.oci.image.layer.nondistributable.");
    }

    /** The compression of a layer type; {@link Compression#NONE} for anything else. */
    public Compression compression() {
        if (value.endsWith("+gzip") || value.endsWith(".tar.gzip")) {
            return Compression.GZIP;
        }
        if (value.endsWith("+zstd") || value.endsWith(".tar.zstd")) {
            return Compression.ZSTD;
        }
        return Compression.NONE;
    }

    /** The OCI layer type for {@code compression}. */
    public static MediaType ociLayer(Compression compression) {
        return switch (compression) {
            case NONE -> OCI_LAYER;
            case GZIP -> OCI_LAYER_GZIP;
            case ZSTD -> OCI_LAYER_ZSTD;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
