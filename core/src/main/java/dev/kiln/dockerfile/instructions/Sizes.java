package dev.kiln.dockerfile.instructions;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Memory sizes such as {@code 64m}, {@code 1.5GiB}, as docker/go-units RAMInBytes reads them (binary units). */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    private Sizes() {}

    static Optional<Long> ramInBytes(String text) {
        var matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal number;
        try {
            number = new BigDecimal(matcher.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        var unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
        int power = "kmgtp".indexOf(unit.isEmpty() ? 'x' : unit.charAt(0)) + 1;
        var bytes = number.multiply(BigDecimal.valueOf(1024).pow(power));
        return Optional.of(bytes.longValue());
    }
}
