package dev.kiln.image;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Times in image configs as Go writes and reads them ({@code time.RFC3339Nano}): {@code
 * 2024-05-01T12:30:00.5Z}, or with an offset such as {@code +02:00}. By hand rather than with
 * java.time.format, whose first use costs a no-op build more than the rest of reading a config.
 */
final class Rfc3339 {
    private static final Instant FIRST = Instant.ofEpochSecond(-62_167_219_200L); // 0000-01-01T00:00:00Z
    private static final Instant LAST = Instant.ofEpochSecond(253_402_300_799L, 999_999_999); // 9999-12-31T23:59:59.999999999Z

    private Rfc3339() {}

    /** @throws DateTimeException when {@code text} is not an RFC 3339 date-time */
    static Instant parse(String text) {
        var p = new Cursor(text);
        int year = p.digits(4);
        p.expect('-');
        int month = p.digits(2);
        p.expect('-');
        int day = p.digits(2);
        p.expectEither('T', 't');
        int hour = p.digits(2);
        p.expect(':');
        int minute = p.digits(2);
        p.expect(':');
        int second = p.digits(2);
        int nanos = p.fraction();
        int offsetSeconds = p.offset();
        p.end();
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) { // a field out of its range: say which text, not just which field
            throw new DateTimeException("'" + text + "' is not an RFC 3339 date-time: " + e.getMessage(), e);
        }
    }

    /**
     * UTC, with the fraction's trailing zeros trimmed (none when whole), as Go's RFC3339Nano prints.
     *
     * @throws ImageFormatException for a year outside 0000-9999, which Go refuses to write too
     */
    static String format(Instant instant) {
        if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
            throw new ImageFormatException("cannot write the time " + instant + " in an image: its year is outside 0000-9999");
        }
        var t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        var out = new StringBuilder(30);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            pad(out.append('.'), nanos, digits);
        }
        return out.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        var digits = Integer.toString(value);
        return out.repeat('0', width - digits.length()).append(digits);
    }

    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        int digits(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                char c = next();
                if (c < '0' || c > '9') {
                    throw fail();
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        /** Nanoseconds of an optional {@code .ddd}: digits past the ninth are dropped, as Go drops them. */
        int fraction() {
            if (at >= text.length() || text.charAt(at) != '.') {
                return 0;
            }
            at++;
            int start = at, nanos = 0;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                if (at - start < 9) {
                    nanos = nanos * 10 + (text.charAt(at) - '0');
                }
                at++;
            }
            int digits = at - start;
            if (digits == 0) {
                throw fail();
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
            return nanos;
        }

        /** {@code Z} or {@code ±hh:mm}, in seconds east of UTC. */
        int offset() {
            char c = next();
            if (c == 'Z' || c == 'z') {
                return 0;
            }
            if (c != '+' && c != '-') {
                throw fail();
            }
            int hours = digits(2);
            expect(':');
            int minutes = digits(2);
            if (hours > 23 || minutes > 59) {
                throw fail();
            }
            int seconds = hours * 3600 + minutes * 60;
            return c == '-' ? -seconds : seconds;
        }

        void expect(char wanted) {
            if (next() != wanted) {
                throw fail();
            }
        }

        void expectEither(char wanted, char alternative) {
            char c = next();
            if (c != wanted && c != alternative) {
                throw fail();
            }
        }

        void end() {
            if (at != text.length()) {
                throw fail();
            }
        }

        private char next() {
            if (at >= text.length()) {
                throw fail();
            }
            return text.charAt(at++);
        }

        private DateTimeException fail() {
            return new DateTimeException("'" + text + "' is not an RFC 3339 date-time");
        }
    }
}
