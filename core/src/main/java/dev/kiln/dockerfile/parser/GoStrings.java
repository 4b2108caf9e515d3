package dev.kiln.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The few string rules of Go's standard library that BuildKit's parser relies on
 * ({@code unicode.IsSpace}, {@code strings.TrimSpace}, {@code strings.ToLower} and the
 * {@code [\t\v\f\r ]+} splitter), reproduced so that Kiln cuts lines exactly where BuildKit does.
 */
final class GoStrings {
    private GoStrings() {}

    /** Go's {@code unicode.IsSpace}. */
    static boolean isSpace(int cp) {
        if (cp <= 0xFF) {
            return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0;
        }
        return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029
                || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /**
     * Go's {@code unicode.IsSpace} applied to a single byte of UTF-8 text, as BuildKit's flag and
     * HEALTHCHECK splitting does, restricted to whole characters: only ASCII whitespace counts.
     */
    static boolean isAsciiSpace(int cp) {
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    }

    /** One character of BuildKit's {@code reWhitespace} class {@code [\t\v\f\r ]}. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** How many chars of leading {@link #isSpace} whitespace {@code s} starts with. */
    static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!isSpace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    static String trimLeadingSpace(String s) {
        return s.substring(leadingSpace(s));
    }

    /** Go's {@code strings.TrimSpace}. */
    static String trimSpace(String s) {
        int start = leadingSpace(s);
        int end = s.length();
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    /** Go's {@code strings.ToLower}: simple per-character mapping, no locale, no final-sigma rule. */
    static String toLower(String s) {
        var out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
        return out.toString();
    }

    /** Go's {@code reWhitespace.Split(s, -1)} for {@code [\t\v\f\r ]+}. */
    static List<String> splitBlankRuns(String s) {
        return splitBlankRuns(s, Integer.MAX_VALUE);
    }

    /** Go's {@code reWhitespace.Split(s, limit)}, including its quirks at the ends of {@code s}. */
    static List<String> splitBlankRuns(String s, int limit) {
        var parts = new ArrayList<String>();
        if (s.isEmpty()) {
            parts.add("");
            return parts;
        }
        int begin = 0;
        int lastMatchStart = 0;
        int i = 0;
        while (i < s.length()) {
            if (!isBlank(s.charAt(i))) {
                i++;
                continue;
            }
            if (parts.size() == limit - 1) {
                break;
            }
            int matchEnd = i;
            while (matchEnd < s.length() && isBlank(s.charAt(matchEnd))) {
                matchEnd++;
            }
            lastMatchStart = i;
            if (matchEnd != 0) {
                parts.add(s.substring(begin, i));
            }
            begin = matchEnd;
            i = matchEnd;
        }
        if (lastMatchStart != s.length()) {
            parts.add(s.substring(begin));
        }
        return parts;
    }
}
