package dev.kiln.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Go's {@code filepath.Match} wildcards ({@code * ? [...]}, {@code \} escapes) in COPY sources. */
final class Wildcards {
    private Wildcards() {}

    static boolean contains(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits a clean path at its first element holding a wildcard: {@code a/b*}{@code /c} gives
     * {@code [a, b* /c]}. The second part is empty for a plain path.
     */
    static List<String> split(String path) {
        List<String> plain = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            (rest.isEmpty() && !contains(part) ? plain : rest).add(part);
        }
        return List.of(String.join("/", plain), String.join("/", rest));
    }

    /** The pattern as a regex over slash-separated paths, or empty for a malformed pattern (which matches nothing). */
    static Optional<Pattern> compile(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i++);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '\\' -> {
                    if (i >= pattern.length()) {
                        return Optional.empty();
                    }
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(i++))));
                }
                case '[' -> {
                    int end = classEnd(pattern, i);
                    if (end < 0) {
                        return Optional.empty();
                    }
                    re.append(charClass(pattern.substring(i, end)));
                    i = end + 1;
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Optional.of(Pattern.compile(re.toString(), Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    static boolean matches(String pattern, String name) {
        return compile(pattern).map(p -> p.matcher(name).matches()).orElse(false);
    }

    /** Index of the {@code ]} closing a class whose body starts at {@code from}, or -1. */
    private static int classEnd(String p, int from) {
        int i = from;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ']' && !first) {
                return i;
            }
            if (c == '\\') {
                i++;
            }
            first = false;
            i++;
        }
        return -1;
    }

    /** A Go class body ({@code ^} negates, {@code a-z} ranges, {@code \} escapes) as a Java class; never matches '/'. */
    private static String charClass(String body) {
        boolean negate = body.startsWith("^");
        StringBuilder out = new StringBuilder(negate ? "[^/" : "[");
        for (int i = negate ? 1 : 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                c = body.charAt(++i);
            }
            if (c == '-' && out.length() > (negate ? 3 : 1) && i + 1 < body.length()) {
                out.append('-');
                continue;
            }
            out.append(String.format("\\x{%x}", (int) c));
        }
        return out.append(negate ? "]" : "&&[^/]]").toString();
    }
}
