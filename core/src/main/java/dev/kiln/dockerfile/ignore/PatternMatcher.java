package dev.kiln.dockerfile.ignore;

import dev.kiln.internal.paths.GoPath;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Decides which context paths a {@code .dockerignore} excludes, with the semantics of
 * moby/patternmatcher v0.6.1: patterns apply in order, a normal pattern can only turn "kept"
 * into "excluded" and a {@code !} exception only the reverse; a pattern applies to a path when it
 * matches the path or any of its ancestor directories. Immutable and thread-safe.
 */
public final class PatternMatcher {
    private static final PatternMatcher EMPTY = new PatternMatcher(List.of());

    private final List<IgnorePattern> patterns;
    private final boolean hasExclusions;

    private PatternMatcher(List<IgnorePattern> patterns) {
        this.patterns = patterns;
        this.hasExclusions = patterns.stream().anyMatch(IgnorePattern::exclusion);
    }

    /** A matcher that excludes nothing. */
    public static PatternMatcher empty() {
        return EMPTY;
    }

    /**
     * Builds a matcher. Patterns are trimmed, empty ones dropped, the rest lexically cleaned.
     *
     * @throws IgnorePatternException for a bare {@code !} or a pattern with bad syntax
     */
    public static PatternMatcher compile(List<String> patterns) {
        List<IgnorePattern> compiled = new ArrayList<>();
        for (String raw : patterns) {
            String pattern = GoText.trimSpace(raw);
            if (pattern.isEmpty()) {
                continue;
            }
            pattern = GoPath.clean(pattern);
            boolean exclusion = pattern.charAt(0) == '!';
            if (exclusion) {
                if (pattern.length() == 1) {
                    throw new IgnorePatternException("illegal exclusion pattern: \"!\"; "
                            + "write the path to re-include after the !");
                }
                pattern = pattern.substring(1);
            }
            if (GlobSyntax.isBad(pattern)) {
                throw new IgnorePatternException("syntax error in pattern \"" + GoText.trimSpace(raw)
                        + "\"; check its [ ] brackets and \\ escapes");
            }
            compiled.add(IgnorePattern.of(pattern, exclusion));
        }
        return new PatternMatcher(List.copyOf(compiled));
    }

    /** True if any pattern is a {@code !} exception. */
    public boolean hasExclusions() {
        return hasExclusions;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /**
     * True when the slash-separated path (relative to the context root) is excluded. The path is
     * cleaned first; the root itself ({@code .}) is never excluded.
     */
    public boolean matches(String relativePath) {
        String path = GoPath.clean(relativePath);
        return !path.equals(".") && matchesUsingParentResults(path, MatchState.NONE).excluded();
    }

    /**
     * Matches one path of a top-down walk, reusing its parent directory's state ({@link
     * MatchState#NONE} for a top-level entry, or when the parent is unknown, in which case every
     * ancestor is checked). The path is used as given (not cleaned).
     */
    public MatchState matchesUsingParentResults(String path, MatchState parent) {
        boolean excluded = false;
        BitSet patternMatched = new BitSet(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            IgnorePattern pattern = patterns.get(i);
            boolean match = parent.patternMatched(i);
            if (!match) {
                if (pattern.exclusion() != excluded) {
                    continue;
                }
                match = pattern.matches(path) || (!parent.hasParentInfo() && matchesAncestor(pattern, path));
            }
            patternMatched.set(i, match);
            if (match) {
                excluded = !pattern.exclusion();
            }
        }
        return new MatchState(excluded, patternMatched);
    }

    /**
     * True when a walker may skip everything below this excluded directory: no exception pattern
     * can re-include a path under it.
     */
    public boolean canSkipDirectory(String directory, MatchState state) {
        if (!state.excluded()) {
            return false;
        }
        List<String> dirSegments = List.of(directory.split("/", -1));
        return patterns.stream()
                .filter(IgnorePattern::exclusion)
                .noneMatch(exception -> couldMatchBelow(exception, dirSegments));
    }

    /** Conservative: false only when a literal leading segment of the exception differs from the directory's. */
    private static boolean couldMatchBelow(IgnorePattern exception, List<String> dirSegments) {
        List<String> segments = exception.segments();
        for (int i = 0; i < Math.min(segments.size(), dirSegments.size()); i++) {
            String segment = segments.get(i);
            if (hasGlobSyntax(segment)) {
                return true;
            }
            if (!segment.equals(dirSegments.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasGlobSyntax(String segment) {
        return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
    }

    private static boolean matchesAncestor(IgnorePattern pattern, String path) {
        String parent = GoPath.dir(path);
        if (parent.equals(".")) {
            return false;
        }
        int end = -1;
        do {
            end = parent.indexOf('/', end + 1);
            String ancestor = end < 0 ? parent : parent.substring(0, end);
            if (pattern.matches(ancestor)) {
                return true;
            }
        } while (end >= 0);
        return false;
    }
}
