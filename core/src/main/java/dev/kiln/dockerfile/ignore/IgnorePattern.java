package dev.kiln.dockerfile.ignore;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One cleaned {@code .dockerignore} pattern, compiled the way patternmatcher compiles it: an exact
 * string, a prefix ({@code dir/**}), a suffix ({@code **}{@code /name}) or a regular expression.
 * A pattern whose expression does not compile is kept and reports the error when matched, as
 * upstream does.
 */
record IgnorePattern(String cleaned, boolean exclusion, Kind kind, Pattern regex, List<String> segments) {
    enum Kind { EXACT, PREFIX, SUFFIX, REGEX, INVALID }

    static IgnorePattern of(String cleaned, boolean exclusion) {
        List<String> segments = List.of(cleaned.split("/", -1));
        Compiled compiled = compile(cleaned);
        return new IgnorePattern(cleaned, exclusion, compiled.kind(), compiled.regex(), segments);
    }

    boolean matches(String path) {
        return switch (kind) {
            case EXACT -> path.equals(cleaned);
            case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
            case SUFFIX -> {
                String suffix = cleaned.substring(2);
                yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
            }
            case REGEX -> regex.matcher(path).matches();
            case INVALID -> throw new IgnorePatternException("syntax error in pattern: " + cleaned);
        };
    }

    private record Compiled(Kind kind, Pattern regex) {}

    private static Compiled compile(String pattern) {
        StringBuilder regex = new StringBuilder("^");
        Kind kind = Kind.EXACT;
        int i = 0;
        int pos = 0;
        for (; pos < pattern.length(); i++) {
            int ch = pattern.codePointAt(pos);
            pos += Character.charCount(ch);
            if (ch == '*' && pos < pattern.length() && pattern.charAt(pos) == '*') {
                pos++;
                if (pos < pattern.length() && pattern.charAt(pos) == '/') {
                    pos++; // "**/" is treated as "**"
                }
                if (pos == pattern.length()) {
                    if (kind == Kind.EXACT) {
                        kind = Kind.PREFIX;
                    } else {
                        regex.append(".*");
                        kind = Kind.REGEX;
                    }
                } else {
                    regex.append("(.*/)?");
                    kind = Kind.REGEX;
                }
                if (i == 0) {
                    kind = Kind.SUFFIX;
                }
            } else if (ch == '*' || ch == '?') {
                regex.append(ch == '*' ? "[^/]*" : "[^/]");
                kind = Kind.REGEX;
            } else if (".+()|{}$".indexOf(ch) >= 0) {
                regex.append('\\').appendCodePoint(ch);
            } else if (ch == '\\') {
                if (pos < pattern.length()) {
                    int escaped = pattern.codePointAt(pos);
                    pos += Character.charCount(escaped);
                    regex.append('\\').appendCodePoint(escaped);
                    kind = Kind.REGEX;
                } else {
                    regex.append('\\');
                }
            } else {
                regex.appendCodePoint(ch);
                if (ch == '[' || ch == ']') {
                    kind = Kind.REGEX;
                }
            }
        }
        if (kind != Kind.REGEX) {
            return new Compiled(kind, null);
        }
        try {
            return new Compiled(Kind.REGEX, GoRegex.compile(regex.append('$').toString()));
        } catch (IllegalArgumentException e) {
            return new Compiled(Kind.INVALID, null);
        }
    }
}
