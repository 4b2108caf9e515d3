package dev.kiln.dockerfile.instructions;

import java.time.Duration;
import java.util.Map;

/** Parses durations written as Go's time.ParseDuration accepts them ({@code 1m30s}, {@code 1.5h}, {@code 300ms}). */
final class GoDuration {
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {}

    /** @throws IllegalArgumentException with Go's wording when the text is not a duration */
    static Duration parse(String text) {
        var rest = text;
        boolean negative = false;
        if (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
            negative = rest.charAt(0) == '-';
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return Duration.ZERO;
        }
        if (rest.isEmpty()) {
            throw invalid(text);
        }
        double nanos = 0;
        while (!rest.isEmpty()) {
            int i = 0;
            while (i < rest.length() && (Character.isDigit(rest.charAt(i)) || rest.charAt(i) == '.')) {
                i++;
            }
            var number = rest.substring(0, i);
            if (number.isEmpty() || number.equals(".") || number.chars().filter(c -> c == '.').count() > 1) {
                throw invalid(text);
            }
            int j = i;
            while (j < rest.length() && !Character.isDigit(rest.charAt(j)) && rest.charAt(j) != '.') {
                j++;
            }
            var unit = rest.substring(i, j);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
            }
            var perUnit = NANOS_PER_UNIT.get(unit);
            if (perUnit == null) {
                throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
            }
            nanos += Double.parseDouble(number) * perUnit;
            rest = rest.substring(j);
        }
        long whole = Math.round(nanos);
        return Duration.ofNanos(negative ? -whole : whole);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
}
