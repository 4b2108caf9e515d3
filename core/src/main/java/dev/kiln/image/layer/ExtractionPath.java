package dev.kiln.image.layer;

import java.util.ArrayList;
import java.util.List;

/**
 * A tar entry name, cleaned into path components relative to the extraction root. Leading
 * slashes and {@code .} components are dropped (absolute names become relative); a {@code ..}
 * component is never accepted, whatever follows it.
 */
record ExtractionPath(List<String> components) {
    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE_MARKER = ".wh..wh..opq";

    ExtractionPath {
        components = List.copyOf(components);
    }

    /** Parses {@code name}; {@code what} names the field ("entry", "hardlink target") in errors. */
    static ExtractionPath parse(String entryName, String name, String what) {
        if (name == null || name.isEmpty()) {
            throw ExtractionException.rejected(entryName, "its " + what + " is empty");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw ExtractionException.rejected(entryName,
                        "its " + what + " \"" + name + "\" contains a \"..\" component");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return new ExtractionPath(parts);
    }

    boolean isRoot() {
        return components.isEmpty();
    }

    String baseName() {
        return components.getLast();
    }

    List<String> parent() {
        return components.subList(0, components.size() - 1);
    }

    boolean isWhiteout() {
        return !isRoot() && baseName().startsWith(WHITEOUT_PREFIX);
    }

    boolean isOpaqueMarker() {
        return !isRoot() && baseName().equals(OPAQUE_MARKER);
    }

    @Override
    public String toString() {
        return String.join("/", components);
    }
}
