package dev.kiln.progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Numbers as docker and BuildKit print them: decimal byte units ({@code B kB MB GB}) and seconds
 * with a fixed number of decimals. Rounding is half-even on the exact binary value, which is what
 * Go's {@code fmt} does, so {@code 0.25s} prints as {@code 0.2s} just as it does in BuildKit.
 */
final class Units {
    private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private Units() {}

    /** A size as {@code docker images} prints it: three significant digits, e.g. {@code 5.6MB}, {@code 123kB}. */
    static String humanSize(long bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1000 && unit < BYTE_UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN));
        if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 && unit < BYTE_UNITS.length - 1) {
            // 999.7kB rounds to 1000kB; docker would print "1e+03kB", we print 1MB
            rounded = new BigDecimal(value / 1000).round(new MathContext(3, RoundingMode.HALF_EVEN));
            unit++;
        }
        return rounded.stripTrailingZeros().toPlainString() + BYTE_UNITS[unit];
    }

    /** A transfer amount as BuildKit's progress prints it: {@code 512B}, {@code 1.05MB}, {@code 28.23MB}. */
    static String transferSize(long bytes) {
        if (Math.abs(bytes) < 1000) {
            return bytes + "B";
        }
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1000 && unit < BYTE_UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return fixed(value, 2) + BYTE_UNITS[unit];
    }

    /** Seconds with {@code decimals} digits after the point, e.g. {@code seconds(1234ms, 1)} is {@code 1.2}. */
    static String seconds(Duration duration, int decimals) {
        return fixed(toSeconds(duration), decimals);
    }

    static double toSeconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    static String fixed(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
