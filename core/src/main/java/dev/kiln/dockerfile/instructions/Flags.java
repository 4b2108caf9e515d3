package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --name[=value]} flags of one instruction, as BuildKit's BFlags: declare the flags
 * the instruction accepts, then {@link #parse}, then read the values.
 */
final class Flags {
    private enum Kind { BOOL, STRING, STRINGS }

    private final List<String> words;
    private final SourceRange range;
    private final Map<String, Kind> declared = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    Flags(List<String> words, SourceRange range) {
        this.words = words;
        this.range = range;
    }

    Flags bool(String name) {
        declared.put(name, Kind.BOOL);
        return this;
    }

    Flags string(String name) {
        declared.put(name, Kind.STRING);
        return this;
    }

    Flags strings(String name) {
        declared.put(name, Kind.STRINGS);
        return this;
    }

    /** @throws InstructionException for an unknown, duplicated or malformed flag */
    Flags parse() {
        for (var word : words) {
            if (word.equals("--")) {
                break; // POSIX end of options
            }
            if (!word.startsWith("--")) {
                throw fail("arg should start with -- : " + word);
            }
            parseOne(word);
        }
        return this;
    }

    private void parseOne(String word) {
        int eq = word.indexOf('=');
        var flagName = eq < 0 ? word : word.substring(0, eq);
        var name = flagName.substring(2);
        var value = eq < 0 ? null : word.substring(eq + 1);
        var kind = declared.get(name);
        if (kind == null) {
            throw fail(Suggestion.withHint("unknown flag: " + flagName, name, declared.keySet(), true, "--"));
        }
        if (!used.add(name) && kind != Kind.STRINGS) {
            throw fail("duplicate flag specified: " + flagName + " (give it once)");
        }
        switch (kind) {
            case BOOL -> values.put(name, parseBool(flagName, value));
            case STRING -> values.put(name, require(flagName, value));
            case STRINGS -> lists.computeIfAbsent(name, n -> new ArrayList<>()).add(require(flagName, value));
        }
    }

    private String parseBool(String flagName, String value) {
        if (value == null) {
            return "true";
        }
        if (value.isEmpty()) {
            throw fail("missing a value on flag: " + flagName);
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> "true";
            case "false" -> "false";
            default -> throw fail("expecting boolean value for flag " + flagName + ", not: " + value);
        };
    }

    private String require(String flagName, String value) {
        if (value == null) {
            throw fail("missing a value on flag: " + flagName + " (write " + flagName + "=VALUE)");
        }
        return value;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean isTrue(String name) {
        return "true".equals(values.get(name));
    }

    /** A boolean flag's value, or empty when the flag was not given. */
    Optional<Boolean> optionalBool(String name) {
        return used.contains(name) ? Optional.of(isTrue(name)) : Optional.empty();
    }

    List<String> all(String name) {
        return List.copyOf(lists.getOrDefault(name, List.of()));
    }

    private InstructionException fail(String problem) {
        return new InstructionException(range, problem);
    }
}
