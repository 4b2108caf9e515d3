package dev.kiln.dockerfile.lint;

import dev.kiln.KilnException;

import java.util.HashSet;
import java.util.Set;

/**
 * The options of BuildKit's {@code check} directive: {@code skip=Rule1,Rule2} or {@code skip=all},
 * {@code experimental=Rule|all}, {@code error=true} — at most three, separated by {@code ;}.
 */
public record CheckOptions(boolean skipAll, Set<String> skip, boolean experimentalAll, Set<String> experimental,
                           boolean error) {
    public static final CheckOptions DEFAULT = new CheckOptions(false, Set.of(), false, Set.of(), false);

    public CheckOptions {
        skip = Set.copyOf(skip);
        experimental = Set.copyOf(experimental);
    }

    /**
     * Parses a {@code check} value, e.g. {@code skip=JSONArgsRecommended;error=true}.
     *
     * @throws KilnException for an unknown option or an {@code error} value that is not a boolean
     */
    public static CheckOptions parse(String text) {
        var trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return DEFAULT;
        }
        var options = new Builder();
        for (var part : trimmed.split(";", 3)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new KilnException("invalid check option \"" + part + "\"; " + HINT);
            }
            options.set(part.substring(0, eq).strip(), part.substring(eq + 1).strip(), part);
        }
        return options.build();
    }

    private static final String HINT = "write e.g. skip=Rule1,Rule2;error=true (options: skip, experimental, error)";

    /** These options with another's skipped and experimental rules added (as BuildKit merges them). */
    public CheckOptions plus(CheckOptions other) {
        var skipped = new HashSet<>(skip);
        skipped.addAll(other.skip);
        var enabled = new HashSet<>(experimental);
        enabled.addAll(other.experimental);
        // BuildKit never takes error= from an instruction's comment: only the file's options decide it.
        return new CheckOptions(skipAll || other.skipAll, skipped, experimentalAll || other.experimentalAll,
                enabled, error);
    }

    /** Whether a finding of the rule is shown: experimental rules ignore {@code skip}, as in BuildKit. */
    public boolean enabled(Rule rule) {
        if (rule.experimental()) {
            return experimentalAll || experimental.contains(rule.id());
        }
        return !skipAll && !skip.contains(rule.id());
    }

    private static final class Builder {
        private boolean skipAll;
        private Set<String> skip = Set.of();
        private boolean experimentalAll;
        private Set<String> experimental = Set.of();
        private boolean error;

        void set(String key, String value, String part) {
            switch (key) {
                case "skip" -> {
                    skipAll = value.equals("all");
                    skip = skipAll ? Set.of() : names(value);
                }
                case "experimental" -> {
                    experimentalAll = value.equals("all");
                    experimental = experimentalAll ? Set.of() : names(value);
                }
                case "error" -> error = bool(value, part);
                default -> throw new KilnException("invalid check option \"" + key + "\"; " + HINT);
            }
        }

        private static Set<String> names(String list) {
            var names = new HashSet<String>();
            for (var name : list.split(",", -1)) {
                names.add(name.strip());
            }
            return names;
        }

        /** Go's strconv.ParseBool. */
        private static boolean bool(String value, String part) {
            return switch (value) {
                case "1", "t", "T", "TRUE", "true", "True" -> true;
                case "0", "f", "F", "FALSE", "false", "False" -> false;
                default -> throw new KilnException("failed to parse check option \"" + part + "\": \"" + value
                        + "\" is not a boolean; use error=true or error=false");
            };
        }

        CheckOptions build() {
            return new CheckOptions(skipAll, skip, experimentalAll, experimental, error);
        }
    }
}
