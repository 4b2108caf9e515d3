package dev.kiln.cli;

import java.time.Duration;
import java.util.Locale;

/** Sizes and ages spelled as the docker CLI spells them (go-units). */
final class HumanUnits {
    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private HumanUnits() {
    }

    /** {@code 0B}, {@code 512B}, {@code 7.8MB}, {@code 142kB}: three significant digits, powers of 1000. */
    /** A size as docker's {@code --keep-storage} takes it: {@code 512}, {@code 500MB}, {@code 2g} (binary multiples). */
    static long parseSize(String text) {
        var m = java.util.regex.Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b)?").matcher(text.strip());
        if (!m.matches()) {
            throw new dev.kiln.KilnException("invalid size \"" + text + "\": use e.g. 512MB, 2GB or 1073741824");
        }
        int power = "kmgtp".indexOf(m.group(2).toLowerCase(java.util.Locale.ROOT)) + 1;
        return (long) (Double.parseDouble(m.group(1)) * Math.pow(1024, power));
    }

    static String size(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < DECIMAL.length - 1) {
            value /= 1000;
            unit++;
        }
        return formatG(value) + DECIMAL[unit];
    }

    /** Go's {@code %.4g} of go-units' HumanSizeWithPrecision(size, 3): at most 3 significant digits, no trailing zeros. */
    private static String formatG(double value) {
        String s = new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        return s.toLowerCase(Locale.ROOT);
    }

    /** {@code Less than a second}, {@code 5 minutes}, {@code About an hour}, {@code 3 weeks}, {@code 2 years}. */
    static String duration(Duration d) {
        long seconds = d.toSeconds();
        long minutes = d.toMinutes();
        long hours = d.toHours();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        } else if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        } else if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return hours / 24 / 365 + " years";
    }
}
