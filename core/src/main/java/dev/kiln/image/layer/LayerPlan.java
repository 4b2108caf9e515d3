package dev.kiln.image.layer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts entries in the order a reproducible layer needs: clean paths, every parent directory
 * present, sorted by path (byte order of UTF-8, i.e. code point order), and each hardlink after
 * the file it names. A link group whose file sorts after one of its links is re-pointed so the
 * first name in order carries the content and the others link to it; the unpacked tree is the same.
 */
final class LayerPlan {
    /** Code point order, which is the byte order of the UTF-8 names in the tar. */
    static final Comparator<String> PATH_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    static List<LayerEntry> order(Collection<? extends LayerEntry> entries) {
        TreeMap<String, LayerEntry> byPath = new TreeMap<>(PATH_ORDER);
        for (LayerEntry entry : entries) {
            LayerEntry clean = withPath(entry, normalize(entry.path()));
            if (clean.path().isEmpty()) {
                continue; // the layer root itself is never an entry
            }
            if (byPath.put(clean.path(), clean) != null) {
                throw new LayerException("the layer has two entries for '" + clean.path() + "'");
            }
        }
        addMissingParents(byPath);
        relinkHardlinks(byPath);
        return List.copyOf(byPath.values());
    }

    /** {@code /a//b/./c/} → {@code a/b/c}; refuses {@code ..}. */
    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new LayerException("layer path '" + path + "' contains '..'; entries must stay inside the layer");
            }
            parts.add(part);
        }
        return String.join("/", parts);
    }

    private static void addMissingParents(TreeMap<String, LayerEntry> byPath) {
        for (String path : List.copyOf(byPath.keySet())) {
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                String parent = path.substring(0, slash);
                LayerEntry existing = byPath.get(parent);
                if (existing == null) {
                    byPath.put(parent, new LayerEntry.Directory(parent, EntryAttributes.ROOT_DIR));
                } else if (!(existing instanceof LayerEntry.Directory)) {
                    throw new LayerException("'" + parent + "' is not a directory but the layer has '" + path + "' under it");
                }
            }
        }
    }

    private static void relinkHardlinks(TreeMap<String, LayerEntry> byPath) {
        Map<String, List<String>> groups = new HashMap<>(); // file path → its links
        for (LayerEntry entry : byPath.values()) {
            if (entry instanceof LayerEntry.Hardlink link) {
                String file = resolveLink(byPath, link);
                groups.computeIfAbsent(file, f -> new ArrayList<>()).add(link.path());
            }
        }
        groups.forEach((filePath, links) -> {
            LayerEntry.RegularFile file = (LayerEntry.RegularFile) byPath.get(filePath);
            List<String> names = new ArrayList<>(links);
            names.add(filePath);
            names.sort(PATH_ORDER);
            String first = names.getFirst();
            byPath.put(first, new LayerEntry.RegularFile(first, file.attributes(), file.content()));
            for (String other : names.subList(1, names.size())) {
                byPath.put(other, new LayerEntry.Hardlink(other, file.attributes(), first));
            }
        });
    }

    /** The regular file a hardlink (or a chain of them) finally names. */
    private static String resolveLink(Map<String, LayerEntry> byPath, LayerEntry.Hardlink link) {
        LayerEntry current = link;
        for (int hops = 0; current instanceof LayerEntry.Hardlink h; hops++) {
            String target = normalize(h.target());
            current = byPath.get(target);
            if (current == null || hops > byPath.size()) {
                throw new LayerException("hardlink '" + link.path() + "' names '" + h.target()
                        + "', which is not a file in the same layer");
            }
        }
        if (!(current instanceof LayerEntry.RegularFile)) {
            throw new LayerException("hardlink '" + link.path() + "' must name a regular file, but '"
                    + current.path() + "' is not one");
        }
        return current.path();
    }

    private static LayerEntry withPath(LayerEntry e, String path) {
        return switch (e) {
            case LayerEntry.RegularFile f -> new LayerEntry.RegularFile(path, f.attributes(), f.content());
            case LayerEntry.Directory d -> new LayerEntry.Directory(path, d.attributes());
            case LayerEntry.Symlink s -> new LayerEntry.Symlink(path, s.attributes(), s.target());
            case LayerEntry.Hardlink h -> new LayerEntry.Hardlink(path, h.attributes(), h.target());
            case LayerEntry.Device d -> new LayerEntry.Device(path, d.attributes(), d.kind(), d.major(), d.minor());
            case LayerEntry.Fifo f -> new LayerEntry.Fifo(path, f.attributes());
        };
    }

    private LayerPlan() {
    }
}
