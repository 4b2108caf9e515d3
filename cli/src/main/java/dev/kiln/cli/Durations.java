package dev.kiln.cli;

import dev.kiln.KilnException;

import java.time.Duration;
import java.util.regex.Pattern;

/** Durations as docker's filters take them: Go's {@code 1h30m}, {@code 90s}, plus {@code d} for days. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {}

    static Duration parse(String text) {
        var matcher = PART.matcher(text);
        long nanos = 0;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            double value = Double.parseDouble(matcher.group(1));
            nanos += (long) (value * switch (matcher.group(2)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> 86400e9;
            });
            end = matcher.end();
        }
        if (text.isEmpty() || end != text.length()) {
            throw new KilnException("invalid duration \"" + text + "\": use e.g. 30m, 24h, 7d or 1h30m");
        }
        return Duration.ofNanos(nanos);
    }
}
