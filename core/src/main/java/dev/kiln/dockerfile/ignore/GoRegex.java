package dev.kiln.dockerfile.ignore;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles the Go regular expression patternmatcher builds from a pattern into an equivalent
 * {@link Pattern}. Only the syntax that can reach it is handled: literals, backslash escapes,
 * {@code .}, groups and quantifiers the builder emits, and bracket classes written by the user
 * (Go rules: a leading {@code ]} is literal, {@code [} is literal inside, {@code [:alpha:]} names
 * an ASCII class). Anything Go would reject throws {@link IllegalArgumentException}.
 */
final class GoRegex {
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "Alnum"), Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"),
            Map.entry("blank", "Blank"), Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"),
            Map.entry("graph", "Graph"), Map.entry("lower", "Lower"), Map.entry("print", "Print"),
            Map.entry("punct", "Punct"), Map.entry("space", "Space"), Map.entry("upper", "Upper"),
            Map.entry("xdigit", "XDigit"));
    private static final String PERL_CLASSES = "dDsSwW";

    private final String go;
    private final StringBuilder java = new StringBuilder();
    private int pos;

    private GoRegex(String go) {
        this.go = go;
    }

    static Pattern compile(String goRegex) {
        GoRegex translator = new GoRegex(goRegex);
        translator.translate();
        return Pattern.compile(translator.java.toString());
    }

    private void translate() {
        while (pos < go.length()) {
            int ch = go.codePointAt(pos);
            pos += Character.charCount(ch);
            switch (ch) {
                case '\\' -> escapeOutsideClass();
                case '.' -> java.append("[^\\n]");
                case '[' -> characterClass();
                case '(', ')', '|', '*', '+', '?', '^', '$' -> java.appendCodePoint(ch);
                default -> literal(java, ch);
            }
        }
    }

    private void escapeOutsideClass() {
        int ch = requireNext();
        if (ch == 'b' || ch == 'B' || ch == 'A' || ch == 'z' || PERL_CLASSES.indexOf(ch) >= 0) {
            java.append('\\').appendCodePoint(ch);
        } else if (ch == 'p' || ch == 'P') {
            unicodeClass(ch);
        } else {
            literal(java, escapedChar(ch));
        }
    }

    private void characterClass() {
        StringBuilder cls = new StringBuilder("[");
        if (peek() == '^') {
            pos++;
            cls.append('^');
        }
        boolean first = true;
        while (first || peek() != ']') {
            if (pos >= go.length()) {
                throw new IllegalArgumentException("missing closing ]");
            }
            first = false;
            if (go.startsWith("[:", pos) && namedClass(cls)) {
                continue;
            }
            if (peek() == '\\' && pos + 1 < go.length() && "pP".indexOf(go.charAt(pos + 1)) >= 0) {
                pos += 2;
                cls.append(unicodeClassText(go.charAt(pos - 1)));
                continue;
            }
            if (peek() == '\\' && pos + 1 < go.length() && PERL_CLASSES.indexOf(go.charAt(pos + 1)) >= 0) {
                cls.append(go, pos, pos + 2);
                pos += 2;
                continue;
            }
            int lo = classChar();
            literal(cls, lo);
            if (pos + 1 < go.length() && peek() == '-' && go.charAt(pos + 1) != ']') {
                pos++;
                int hi = classChar();
                if (hi < lo) {
                    throw new IllegalArgumentException("invalid character class range");
                }
                cls.append('-');
                literal(cls, hi);
            }
        }
        pos++;
        java.append(cls).append(']');
    }

    private boolean namedClass(StringBuilder cls) {
        int end = go.indexOf(":]", pos + 2);
        if (end < 0) {
            return false;
        }
        String name = go.substring(pos + 2, end);
        boolean negated = name.startsWith("^");
        String javaName = name.equals("word") || name.equals("^word") ? "word"
                : POSIX_CLASSES.get(negated ? name.substring(1) : name);
        if (javaName == null) {
            throw new IllegalArgumentException("invalid character class range: [:" + name + ":]");
        }
        if (javaName.equals("word")) {
            cls.append(negated ? "\\W" : "\\w");
        } else {
            cls.append(negated ? "\\P{" : "\\p{").append(javaName).append('}');
        }
        pos = end + 2;
        return true;
    }

    private int classChar() {
        int ch = requireNext();
        return ch == '\\' ? escapedChar(requireNext()) : ch;
    }

    private void unicodeClass(int kind) {
        java.append(unicodeClassText((char) kind));
    }

    private String unicodeClassText(char kind) {
        int ch = requireNext();
        if (ch != '{') {
            return "\\" + kind + Character.toString(ch);
        }
        int close = go.indexOf('}', pos);
        if (close < 0) {
            throw new IllegalArgumentException("invalid character class range");
        }
        String name = go.substring(pos, close);
        pos = close + 1;
        return "\\" + kind + "{" + name + "}";
    }

    /** The character a Go escape (the part after the backslash) stands for. */
    private int escapedChar(int ch) {
        return switch (ch) {
            case 'a' -> 0x07;
            case 'f' -> '\f';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 'v' -> 0x0B;
            case 'x' -> hexEscape();
            default -> {
                if (ch < 0x80 && !Character.isLetterOrDigit(ch)) {
                    yield ch; // escaped punctuation is literal
                }
                throw new IllegalArgumentException("invalid escape sequence: \\" + Character.toString(ch));
            }
        };
    }

    private int hexEscape() {
        int end;
        int start;
        if (peek() == '{') {
            start = pos + 1;
            end = go.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("invalid escape sequence");
            }
            pos = end + 1;
        } else {
            start = pos;
            end = Math.min(pos + 2, go.length());
            pos = end;
        }
        try {
            return Integer.parseInt(go.substring(start, end), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid escape sequence", e);
        }
    }

    private int peek() {
        return pos < go.length() ? go.codePointAt(pos) : -1;
    }

    private int requireNext() {
        if (pos >= go.length()) {
            throw new IllegalArgumentException("trailing backslash at end of expression");
        }
        int ch = go.codePointAt(pos);
        pos += Character.charCount(ch);
        return ch;
    }

    private static void literal(StringBuilder out, int ch) {
        if (ch < 0x80 && Character.isLetterOrDigit(ch)) {
            out.append((char) ch);
        } else {
            out.append("\\x{").append(Integer.toHexString(ch)).append('}');
        }
    }
}
