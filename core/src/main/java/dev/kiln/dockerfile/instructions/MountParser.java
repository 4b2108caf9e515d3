package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import dev.kiln.internal.text.GoCsv;
import java.util.List;
import java.util.Locale;

/**
 * Parses a {@code RUN --mount} value (a CSV record of {@code key[=value]} fields) as BuildKit does.
 * Without an expander (at parse time) a value holding {@code $} is left for {@link Run#expand},
 * except for {@code from}, which may not use variables at all.
 */
final class MountParser {
    private static final List<String> TYPES = List.of("bind", "cache", "tmpfs", "secret", "ssh");
    private static final List<String> SHARING = List.of("shared", "private", "locked");
    private static final List<String> KEYS = List.of("type", "from", "source", "target", "readonly", "id",
            "sharing", "required", "size", "mode", "uid", "gid", "src", "dst", "destination", "ro", "rw",
            "readwrite", "env");

    private MountParser() {}

    /**
     * @param expander null at parse time
     * @throws InstructionException for a malformed field, an unknown key or type, or options the type forbids
     */
    static Mount parse(String spec, WordExpander expander, SourceRange range, String original) {
        var options = new MountOptions();
        boolean deferred = false;
        for (var field : GoCsv.fields(spec, problem -> fail(range, "failed to parse csv mounts: " + problem.goMessage()))) {
            int eq = field.indexOf('=');
            var key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (eq < 0) {
                flag(options, key, field, range);
                continue;
            }
            var value = field.substring(eq + 1);
            if (expander != null) {
                value = expander.word(value);
            } else if (value.contains("$")) {
                if (key.equals("from") && value.indexOf('$') != value.length() - 1) {
                    throw fail(range, "'from' doesn't support variable expansion, define alias stage instead");
                }
                deferred = true;
                options.typeDeferred |= key.equals("type");
                continue;
            }
            option(options, key, field, value, range);
        }
        return options.build(!deferred, problem -> fail(range, problem));
    }

    private static void flag(MountOptions options, String key, String field, SourceRange range) {
        switch (key) {
            case "readonly", "ro" -> options.readOnly = true;
            case "readwrite", "rw" -> options.readOnly = false;
            case "required" -> {
                requireSecretOrSsh(options, key, range);
                options.required = true;
            }
            default -> throw fail(range, "invalid field '" + field + "' must be a key=value pair");
        }
    }

    private static void option(MountOptions o, String key, String field, String value, SourceRange range) {
        switch (key) {
            case "type" -> {
                var type = value.toLowerCase(Locale.ROOT);
                if (!TYPES.contains(type)) {
                    throw fail(range, Suggestion.withHint("unsupported mount type " + Quote.go(value), value, TYPES,
                            true, ""));
                }
                o.type = type;
            }
            case "from" -> o.from = value;
            case "source", "src" -> o.source = value;
            case "target", "dst", "destination" -> o.target = value;
            case "readonly", "ro" -> o.readOnly = bool(key, value, range);
            case "readwrite", "rw" -> o.readOnly = !bool(key, value, range);
            case "required" -> {
                requireSecretOrSsh(o, key, range);
                o.required = bool(key, value, range);
            }
            case "size" -> {
                if (!o.typeDeferred && !o.type.equals("tmpfs")) {
                    throw fail(range, "unexpected key '" + key + "' for mount type '" + o.type + "'");
                }
                o.sizeBytes = Sizes.ramInBytes(value)
                        .orElseThrow(() -> fail(range, "invalid value for " + key + ": " + value));
            }
            case "id" -> o.id = value;
            case "sharing" -> {
                var sharing = value.toLowerCase(Locale.ROOT);
                if (!SHARING.contains(sharing)) {
                    throw fail(range, Suggestion.withHint("unsupported sharing value " + Quote.go(value), value,
                            SHARING, true, ""));
                }
                o.sharing = Mount.CacheSharing.valueOf(sharing.toUpperCase(Locale.ROOT));
            }
            case "mode" -> o.mode = unsigned(value, 8, "invalid value " + value + " for mode", range);
            case "uid" -> o.uid = unsigned(value, 10, "invalid value " + value + " for uid", range);
            case "gid" -> o.gid = unsigned(value, 10, "invalid value " + value + " for gid", range);
            case "env" -> o.env = value;
            default -> throw fail(range, Suggestion.withHint("unexpected key '" + key + "' in '" + field + "'", key,
                    KEYS, true, ""));
        }
    }

    private static void requireSecretOrSsh(MountOptions options, String key, SourceRange range) {
        if (!options.typeDeferred && !options.type.equals("secret") && !options.type.equals("ssh")) {
            throw fail(range, "unexpected key '" + key + "' for mount type '" + options.type + "'");
        }
    }

    /** Go's strconv.ParseBool. */
    private static boolean bool(String key, String value, SourceRange range) {
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw fail(range, "invalid value for " + key + ": " + value);
        };
    }

    private static int unsigned(String value, int radix, String problem, SourceRange range) {
        try {
            long parsed = Long.parseLong(value, radix);
            if (parsed < 0 || parsed > 0xFFFF_FFFFL || value.startsWith("+")) {
                throw fail(range, problem);
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw fail(range, problem);
        }
    }

    private static InstructionException fail(SourceRange range, String problem) {
        return new InstructionException(range, problem);
    }
}
