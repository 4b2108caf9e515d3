package dev.kiln.dockerfile.instructions;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "did you mean" lookup: the closest option within edit distance 2, as BuildKit's suggest package. */
public final class Suggestion {
    private static final int MAX_DISTANCE_EXCLUSIVE = 3;

    private Suggestion() {}

    /** The closest option, or empty when none is close or the value is itself an option. */
    public static Optional<String> closest(String value, Collection<String> options, boolean caseSensitive) {
        var needle = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_DISTANCE_EXCLUSIVE;
        for (var option : options) {
            var candidate = caseSensitive ? option : option.toLowerCase(Locale.ROOT);
            if (candidate.equals(needle)) {
                return Optional.empty();
            }
            int distance = levenshtein(needle, candidate);
            if (distance < bestDistance) {
                best = caseSensitive ? option : matchCase(candidate, value);
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code message} followed by " (did you mean X?)" when a close option exists. */
    public static String withHint(String message, String value, Collection<String> options, boolean caseSensitive,
                           String prefix) {
        return closest(value, options, caseSensitive)
                .map(match -> message + " (did you mean " + prefix + match + "?)")
                .orElse(message);
    }

    private static String matchCase(String lowerOption, String original) {
        if (original.equals(original.toUpperCase(Locale.ROOT))) {
            return lowerOption.toUpperCase(Locale.ROOT);
        }
        return lowerOption;
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
