package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageReference;
import dev.kiln.store.ImageNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How exported images are named: containerd's full name plus OCI's short reference name. */
final class ExportName {
    private ExportName() {
    }

    static List<ImageReference> parseAll(List<String> names) {
        return names.stream().map(ImageNames::parse).toList();
    }

    /**
     * The OCI ref name containerd writes into archives: the tag alone ({@code latest}), or the full
     * name when the image is named by digest only.
     */
    static String ociReferenceName(ImageReference name) {
        if (name.tag() == null) {
            return name.toString();
        }
        return name.tag() + (name.digest() == null ? "" : "@" + name.digest());
    }

    /** {@code target} without the names the local store annotates it with. */
    static Descriptor unnamed(Descriptor target) {
        Map<String, String> annotations = new HashMap<>(target.annotations());
        annotations.remove(ImageNames.OCI_REF_NAME);
        annotations.remove(ImageNames.CONTAINERD_NAME);
        return target.withAnnotations(annotations);
    }

    /** {@code target} annotated with {@code name} as containerd's exporter annotates it. */
    static Descriptor named(Descriptor target, ImageReference name) {
        Map<String, String> annotations = new HashMap<>(target.annotations());
        annotations.put(ImageNames.CONTAINERD_NAME, name.toString());
        annotations.put(ImageNames.OCI_REF_NAME, ociReferenceName(name));
        return target.withAnnotations(annotations);
    }
}
