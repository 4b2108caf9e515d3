package dev.kiln.transport;

import java.util.Locale;
import java.util.Set;

/** The {@code type=} of an {@code -o/--output}, spelled as BuildKit's exporters. */
public enum OutputType {
    /** Into the local store, under the {@code -t} names. */
    IMAGE(Set.of("name", "push")),
    /** Into the local store under its names and pushed to their registries ({@code type=image,push=true}). */
    REGISTRY(Set.of("name")),
    /** An OCI image layout, as a tar (default) or a folder ({@code tar=false}). */
    OCI(Set.of("dest", "tar", "name")),
    /** A tar {@code docker load} reads (OCI layout plus manifest.json), or a layout folder with {@code tar=false}. */
    DOCKER(Set.of("dest", "tar", "name")),
    /** The image's files, written into a folder. */
    LOCAL(Set.of("dest")),
    /** The image's files, as one tar. */
    TAR(Set.of("dest"));

    private final Set<String> keys;

    OutputType(Set<String> keys) {
        this.keys = keys;
    }

    /** The keys besides {@code type} this output takes. */
    public Set<String> keys() {
        return keys;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Outputs that make an image (and so take names); the others write only its files. */
    public boolean isImage() {
        return this == IMAGE || this == REGISTRY || this == OCI || this == DOCKER;
    }

    static OutputType parse(String value, String spec) {
        for (OutputType t : values()) {
            if (t.id().equals(value)) {
                return t;
            }
        }
        String hint = value.equals("registry") ? "; pushing to a registry is not supported yet"
                : value.equals("cacheonly") ? "; build without -o to keep the result in the local store" : "";
        throw new TransportException("output '" + spec + "': unknown type '" + value
                + "'; use one of image, oci, docker, local, tar" + hint);
    }
}
