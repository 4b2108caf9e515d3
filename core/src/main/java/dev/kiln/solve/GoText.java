package dev.kiln.solve;

import dev.kiln.dockerfile.parser.NodeDump;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Go's {@code fmt} renderings that BuildKit writes into image history ({@code %q} and {@code %v}
 * of a string slice, a {@code time.Duration}), so Kiln's history reads the same.
 */
final class GoText {
    private GoText() {}

    /** {@code fmt.Sprintf("%q", []string{...})}: {@code ["a" "b"]}. */
    static String quotedList(List<String> values) {
        return values.stream().map(NodeDump::quote).collect(Collectors.joining(" ", "[", "]"));
    }

    /** {@code fmt.Sprintf("%v", []string{...})}: {@code [a b]}. */
    static String list(List<String> values) {
        return String.join(" ", values).transform(s -> "[" + s + "]");
    }

    /** {@code time.Duration.String()}: {@code 0s}, {@code 1.5s}, {@code 100ms}, {@code 1m30s}, {@code 1h0m0s}. */
    static String duration(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        var sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        if (abs < 1_000_000_000L) {
            return sign + belowSecond(abs);
        }
        long hours = abs / 3_600_000_000_000L;
        long minutes = abs / 60_000_000_000L % 60;
        long secondNanos = abs % 60_000_000_000L;
        var seconds = fraction(secondNanos / 1_000_000_000L, secondNanos % 1_000_000_000L, 9) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        if (minutes > 0) {
            return sign + minutes + "m" + seconds;
        }
        return sign + seconds;
    }

    private static String belowSecond(long nanos) {
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return fraction(nanos / 1_000, nanos % 1_000, 3) + "µs";
        }
        return fraction(nanos / 1_000_000, nanos % 1_000_000, 6) + "ms";
    }

    private static String fraction(long whole, long rest, int digits) {
        if (rest == 0) {
            return Long.toString(whole);
        }
        var text = String.format("%0" + digits + "d", rest).replaceAll("0+$", "");
        return whole + "." + text;
    }
}
