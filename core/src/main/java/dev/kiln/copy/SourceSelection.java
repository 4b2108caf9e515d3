package dev.kiln.copy;

import dev.kiln.internal.paths.RootedPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * Which paths one source argument names: a plain path, or the matches of its wildcards (none
 * is fine, as BuildKit's AllowEmptyWildcard), and for {@code --parents} the pivot and pattern.
 *
 * @param base     the clean source path to copy from (for {@code --parents}: the part before the {@code /./} pivot)
 * @param includes for {@code --parents}: the pattern the kept paths must match, relative to {@code base}; null otherwise
 * @param required a path that must exist (a {@code --parents} source without wildcards), or null
 */
record SourceSelection(String base, ContextFilter includes, String required) {

    static SourceSelection of(String source, boolean parents) {
        if (!parents) {
            return new SourceSelection(RootedPaths.clean(source), null, null);
        }
        int pivot = source.indexOf("/./");
        String base = pivot < 0 ? "/" : source.substring(0, pivot);
        String pattern = RootedPaths.clean(pivot < 0 ? source : source.substring(pivot + 3));
        String required = Wildcards.contains(base) || Wildcards.contains(pattern)
                ? null : RootedPaths.clean(base + "/" + pattern);
        return new SourceSelection(RootedPaths.clean(base), ContextFilter.compile(List.of(pattern)), required);
    }

    /** The root-relative paths the base names (links in the plain part followed), in name order. */
    List<String> matches(SourceTree tree, String written) {
        if (tree.isContext() && climbsAboveRoot(written)) {
            throw new CopyException("'" + written + "' is outside the build context; COPY and ADD read only files "
                    + "inside it (move the file into the context, or build from a larger context)");
        }
        if (required != null && tree.stat(tree.resolve(required)) == null) {
            throw notFound(tree, written);
        }
        List<String> split = Wildcards.split(base);
        if (split.get(1).isEmpty()) {
            return List.of(base);
        }
        String dir = tree.resolve(split.get(0));
        FileStat stat = tree.stat(dir);
        if (stat == null) {
            throw notFound(tree, written);
        }
        List<String> out = new ArrayList<>();
        if (stat.isDirectory()) {
            String pattern = split.get(1);
            collect(tree, dir, "", pattern, pattern.split("/").length, out);
        }
        return out;
    }

    /**
     * Whether a {@code ..} takes the path above where it starts. BuildKit quietly clamps such a
     * path to the context root; kiln refuses it (as the issue asks and the classic builder did),
     * since it never means what its author wanted.
     */
    static boolean climbsAboveRoot(String path) {
        int depth = 0;
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    static CopyException notFound(SourceTree tree, String written) {
        String where = tree.isContext()
                ? "in the build context; check the path and that .dockerignore does not exclude it"
                : "in the source stage";
        return new CopyException("\"" + written + "\": not found " + where);
    }

    private static void collect(SourceTree tree, String dir, String relative, String pattern, int depth,
                                List<String> out) {
        for (String name : tree.children(RootedPaths.join(dir, relative))) {
            String rel = RootedPaths.join(relative, name);
            String path = RootedPaths.join(dir, rel);
            boolean matched = Wildcards.matches(pattern, rel);
            if (matched) {
                out.add(path);
            }
            FileStat stat = tree.stat(path);
            if (!matched && stat != null && stat.isDirectory() && rel.split("/").length < depth) {
                collect(tree, dir, rel, pattern, depth, out);
            }
        }
    }
}
