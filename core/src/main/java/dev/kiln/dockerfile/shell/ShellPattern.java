package dev.kiln.dockerfile.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The glob patterns of {@code ${a#p}}, {@code ${a%p}} and {@code ${a/p/r}}: {@code *} (any run),
 * {@code ?} (one character), {@code \} escaping {@code * ? \} (and dropped before {@code } /}).
 * Every other character is literal; there are no bracket expressions. Matching is leftmost-first,
 * as Go's regexp does it, and like Go's {@code .} the wildcards never match a newline.
 */
final class ShellPattern {
    private static final String ANY_CHAR = "[^\\n]";
    private static final char PATTERN_ESCAPE = '\\';

    private ShellPattern() {}

    /** Removes the shortest (or, greedy, the longest) prefix of {@code value} matching {@code glob}. */
    static String trimPrefix(String glob, String value, boolean greedy) {
        Matcher matcher = compile(glob, greedy).matcher(value);
        return matcher.lookingAt() ? value.substring(matcher.end()) : value;
    }

    /** Removes the shortest (or, greedy, the longest) matching suffix, by trimming the reversed value. */
    static String trimSuffix(String glob, String value, boolean greedy) {
        String reversed = trimPrefix(reversePattern(glob), reverse(value), greedy);
        return reverse(reversed);
    }

    static String replaceFirst(String glob, String value, String replacement) {
        Matcher matcher = compile(glob, true).matcher(value);
        if (!matcher.find()) {
            return value;
        }
        return value.substring(0, matcher.start()) + replacement + value.substring(matcher.end());
    }

    /**
     * Replaces every match the way Go's {@code Regexp.ReplaceAllString} does: no replacement for an
     * empty match right after a previous match, and {@code $0}/{@code ${0}} in the replacement
     * stand for the matched text (see {@link GoTemplate}).
     */
    static String replaceAll(String glob, String value, String template) {
        Matcher matcher = compile(glob, true).matcher(value);
        StringBuilder out = new StringBuilder();
        int lastMatchEnd = 0;
        int searchPosition = 0;
        while (searchPosition <= value.length() && matcher.find(searchPosition)) {
            int start = matcher.start();
            int end = matcher.end();
            out.append(value, lastMatchEnd, start);
            if (end > lastMatchEnd || start == 0) {
                out.append(GoTemplate.expand(template, value.substring(start, end)));
            }
            lastMatchEnd = end;
            int width = searchPosition < value.length()
                    ? Character.charCount(value.codePointAt(searchPosition)) : 0;
            if (searchPosition + width > end) {
                searchPosition += width;
            } else if (searchPosition + 1 > end) {
                searchPosition++;
            } else {
                searchPosition = end;
            }
        }
        return out.append(value, lastMatchEnd, value.length()).toString();
    }

    private static Pattern compile(String glob, boolean greedy) {
        String star = greedy ? ANY_CHAR + "*" : ANY_CHAR + "*?";
        StringBuilder regex = new StringBuilder();
        CodePointScanner scanner = new CodePointScanner(glob);
        for (int ch = scanner.next(); ch != CodePointScanner.EOF; ch = scanner.next()) {
            switch (ch) {
                case '*' -> regex.append(star);
                case '?' -> regex.append(ANY_CHAR);
                case PATTERN_ESCAPE -> {
                    int following = scanner.peek();
                    if (following == '}' || following == '/') {
                        continue; // needed to write } or / inside ${}, not part of the pattern
                    }
                    int escaped = scanner.next();
                    if (escaped != '*' && escaped != '?' && escaped != PATTERN_ESCAPE) {
                        throw invalidEscape(glob, escaped);
                    }
                    appendLiteral(regex, escaped);
                }
                default -> appendLiteral(regex, ch);
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static ShellExpansionException invalidEscape(String glob, int escaped) {
        String shown = escaped == CodePointScanner.EOF ? "\uFFFD" : Character.toString(escaped);
        return new ShellExpansionException(
                "invalid pattern (" + glob + ") in substitution: invalid escape '\\" + shown + "'");
    }

    private static void appendLiteral(StringBuilder regex, int ch) {
        if (ch < 0x80 && Character.isLetterOrDigit(ch)) {
            regex.append((char) ch);
        } else {
            regex.append("\\x{").append(Integer.toHexString(ch)).append('}');
        }
    }

    /** Reverses a pattern but keeps each escape before the character it escapes: {@code a\*c -> c\*a}. */
    static String reversePattern(String glob) {
        int[] in = glob.codePoints().toArray();
        int[] out = new int[in.length];
        int last = in.length - 1;
        int i = 0;
        while (i <= last) {
            int outIndex = last - i;
            if (in[i] == PATTERN_ESCAPE && i != last) {
                out[outIndex - 1] = in[i];
                out[outIndex] = in[i + 1];
                i += 2;
            } else {
                out[outIndex] = in[i];
                i++;
            }
        }
        return new String(out, 0, out.length);
    }

    static String reverse(String text) {
        return new StringBuilder(text).reverse().toString();
    }
}
