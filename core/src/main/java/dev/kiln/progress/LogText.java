package dev.kiln.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How step output is cut into lines and shown. */
final class LogText {
    private static final Pattern ANSI_SEQUENCE = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[@-_]");

    private LogText() {}

    /** The lines in a log text: a text holding newlines is several lines; a trailing newline adds none. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                if (start < text.length() || lines.isEmpty()) {
                    lines.add(stripCarriageReturn(text.substring(start)));
                }
                break;
            }
            lines.add(stripCarriageReturn(text.substring(start, end)));
            start = end + 1;
        }
        return lines;
    }

    /**
     * A log line prefixed by the seconds since its step started, as BuildKit prints it: three
     * decimals under 10s, two under 100s, one beyond ({@code 0.512 hello}, {@code 12.34 hi}).
     */
    static String timestamped(Duration sinceStart, String line) {
        double seconds = Math.max(0, Units.toSeconds(sinceStart));
        int decimals = seconds < 10 ? 3 : seconds < 100 ? 2 : 1;
        return Units.fixed(seconds, decimals) + " " + line;
    }

    /** Text safe to place on one terminal row: no escape sequences, tabs as spaces, no control characters. */
    static String printable(String text) {
        String noEscapes = ANSI_SEQUENCE.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(noEscapes.length());
        noEscapes.codePoints().forEach(c -> {
            if (c == '\t') {
                out.append(' ');
            } else if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** At most {@code max} code points of {@code text}. */
    static String truncate(String text, int max) {
        if (max <= 0) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
