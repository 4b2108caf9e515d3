package dev.kiln.progress;

import dev.kiln.KilnException;
import java.util.Locale;

/** The {@code --progress} values, spelled as {@code docker build} spells them. */
public enum ProgressMode {
    AUTO, TTY, PLAIN, JSON, QUIET;

    /**
     * {@code auto}, {@code tty}, {@code plain}, {@code json} ({@code rawjson} as docker's alias for json)
     * or {@code quiet} (nothing but errors).
     */
    public static ProgressMode parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "auto" -> AUTO;
            case "tty" -> TTY;
            case "plain" -> PLAIN;
            case "json", "rawjson" -> JSON;
            case "quiet" -> QUIET;
            default -> throw new KilnException("unknown progress mode '" + name
                    + "': use --progress with auto, tty, plain, json or quiet");
        };
    }

    /**
     * What {@code auto} means here: the live display on a terminal that can take it, plain text
     * otherwise. {@code terminal} is asked only for auto: the native call costs start-up time.
     */
    ProgressMode resolve(java.util.function.BooleanSupplier terminal, String term) {
        if (this != AUTO) {
            return this;
        }
        return terminal.getAsBoolean() && !"dumb".equals(term) ? TTY : PLAIN;
    }
}
