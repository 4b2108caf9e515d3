package dev.kiln.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** An image manifest (OCI or Docker v2 schema 2): one config and its ordered layers. */
public record Manifest(int schemaVersion, MediaType mediaType, String artifactType, Descriptor config,
                       List<Descriptor> layers, Descriptor subject, Map<String, String> annotations) {

    public Manifest {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(config, "config");
        artifactType = artifactType == null ? "" : artifactType;
        layers = layers == null ? List.of() : List.copyOf(layers);
        annotations = annotations == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    /** A plain OCI image manifest. */
    public static Manifest oci(Descriptor config, List<Descriptor> layers) {
        return new Manifest(2, MediaType.OCI_MANIFEST, "", config, layers, null, Map.of());
    }
}
