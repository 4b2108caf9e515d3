package dev.kiln.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** An image index (OCI) or manifest list (Docker): manifests per platform. */
public record Index(int schemaVersion, MediaType mediaType, String artifactType, List<Descriptor> manifests,
                    Descriptor subject, Map<String, String> annotations) {

    public Index {
        Objects.requireNonNull(mediaType, "mediaType");
        artifactType = artifactType == null ? "" : artifactType;
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        annotations = annotations == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    public static Index oci(List<Descriptor> manifests) {
        return new Index(2, MediaType.OCI_INDEX, "", manifests, null, Map.of());
    }

    public Index withManifests(List<Descriptor> newManifests) {
        return new Index(schemaVersion, mediaType, artifactType, newManifests, subject, annotations);
    }
}
