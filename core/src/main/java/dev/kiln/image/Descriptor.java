package dev.kiln.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** An OCI content descriptor: what a blob is, its digest and size, and optional extras. */
public record Descriptor(MediaType mediaType, Digest digest, long size, Map<String, String> annotations,
                         Platform platform, List<String> urls, String artifactType) {

    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new ImageFormatException("descriptor " + digest + " has negative size " + size);
        }
        annotations = annotations == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
        urls = urls == null ? List.of() : List.copyOf(urls);
        artifactType = artifactType == null ? "" : artifactType;
    }

    public static Descriptor of(MediaType mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, Map.of(), null, List.of(), "");
    }

    /** The descriptor of {@code bytes} stored as a blob of {@code mediaType}. */
    public static Descriptor of(MediaType mediaType, byte[] bytes) {
        return of(mediaType, Digest.of(bytes), bytes.length);
    }

    public Descriptor withAnnotations(Map<String, String> newAnnotations) {
        return new Descriptor(mediaType, digest, size, newAnnotations, platform, urls, artifactType);
    }

    public Descriptor withPlatform(Platform newPlatform) {
        return new Descriptor(mediaType, digest, size, annotations, newPlatform, urls, artifactType);
    }

    public String annotation(String key) {
        return annotations.get(key);
    }
}
