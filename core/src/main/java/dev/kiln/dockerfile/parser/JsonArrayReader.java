package dev.kiln.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON (exec) form of an instruction the way BuildKit's {@code json.Unmarshal} into
 * {@code []any} does: strict JSON, at most 10000 levels deep; a syntax error or a number too big
 * for a float64 means "not JSON" (the caller falls back to the shell form); a well-formed array
 * with a non-string element is a parse error.
 */
final class JsonArrayReader {
    private static final int MAX_DEPTH = 10000;
    private static final char REPLACEMENT = '\uFFFD';

    /** What the text turned out to be. */
    sealed interface Result permits NotJson, Strings, NonStringElement {}

    record NotJson() implements Result {}

    record Strings(List<String> values) implements Result {}

    record NonStringElement() implements Result {}

    private final String s;
    private int pos;

    private JsonArrayReader(String s) {
        this.s = s;
    }

    /** @param text starting with {@code [} */
    static Result read(String text) {
        try {
            return new JsonArrayReader(text).readArray();
        } catch (SyntaxError e) {
            return new NotJson();
        }
    }

    private Result readArray() {
        expect('[');
        var values = new ArrayList<String>();
        boolean nonString = false;
        boolean numberOverflow = false;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                if (peek() == '"') {
                    values.add(readString());
                } else {
                    nonString = true;
                    numberOverflow |= new ValueSkipper(this).skip();
                }
                skipWhitespace();
                int c = next();
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw new SyntaxError();
                }
            }
        }
        skipWhitespace();
        if (pos != s.length()) {
            throw new SyntaxError();
        }
        if (numberOverflow) {
            return new NotJson();
        }
        return nonString ? new NonStringElement() : new Strings(List.copyOf(values));
    }

    /** Skips any non-string value without recursion; @return whether a number overflowed float64. */
    private record ValueSkipper(JsonArrayReader in) {
        boolean skip() {
            boolean overflow = false;
            var open = new StringBuilder();
            while (true) {
                in.skipWhitespace();
                int c = in.peek();
                boolean complete = true;
                if (c == '[' || c == '{') {
                    if (2 + open.length() > MAX_DEPTH) {
                        throw new SyntaxError();
                    }
                    in.pos++;
                    open.append((char) c);
                    in.skipWhitespace();
                    if (in.peek() == (c == '[' ? ']' : '}')) {
                        in.pos++;
                        open.setLength(open.length() - 1);
                    } else {
                        complete = false;
                        if (c == '{') {
                            in.readKey();
                        }
                    }
                } else {
                    overflow |= in.readScalar();
                }
                if (complete && closeContainers(open)) {
                    return overflow;
                }
            }
        }

        /** After a value: closes finished containers; @return true when the outermost value is done. */
        private boolean closeContainers(StringBuilder open) {
            while (!open.isEmpty()) {
                in.skipWhitespace();
                char top = open.charAt(open.length() - 1);
                int c = in.next();
                if (c == ',') {
                    if (top == '{') {
                        in.readKey();
                    }
                    return false;
                }
                if (c != (top == '[' ? ']' : '}')) {
                    throw new SyntaxError();
                }
                open.setLength(open.length() - 1);
            }
            return true;
        }
    }

    private void readKey() {
        skipWhitespace();
        if (peek() != '"') {
            throw new SyntaxError();
        }
        readString();
        skipWhitespace();
        expect(':');
    }

    /** A string, literal or number; @return whether it was a number too big for a float64. */
    private boolean readScalar() {
        int c = peek();
        if (c == '"') {
            readString();
            return false;
        }
        if (c == 't' || c == 'f' || c == 'n') {
            String literal = c == 't' ? "true" : c == 'f' ? "false" : "null";
            if (!s.startsWith(literal, pos)) {
                throw new SyntaxError();
            }
            pos += literal.length();
            return false;
        }
        return readNumber();
    }

    private boolean readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            throw new SyntaxError();
        }
        if (peek() == '.') {
            pos++;
            requireDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            requireDigits();
        }
        return Double.isInfinite(Double.parseDouble(s.substring(start, pos)));
    }

    private void requireDigits() {
        if (!isDigit(peek())) {
            throw new SyntaxError();
        }
        skipDigits();
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private String readString() {
        expect('"');
        var out = new StringBuilder();
        while (true) {
            int c = next();
            if (c < 0 || c < 0x20) {
                throw new SyntaxError();
            }
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                readEscape(out);
            } else if (Character.isHighSurrogate((char) c) && pos < s.length()
                    && Character.isLowSurrogate(s.charAt(pos))) {
                out.append((char) c).append(s.charAt(pos++));
            } else {
                out.append(Character.isSurrogate((char) c) ? REPLACEMENT : (char) c);
            }
        }
    }

    private void readEscape(StringBuilder out) {
        int c = next();
        switch (c) {
            case '"', '\\', '/' -> out.append((char) c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> readUnicodeEscape(out);
            default -> throw new SyntaxError();
        }
    }

    /** Go's rule: a valid surrogate pair of escapes is combined; any other surrogate becomes U+FFFD. */
    private void readUnicodeEscape(StringBuilder out) {
        char unit = (char) hex4();
        if (!Character.isSurrogate(unit)) {
            out.append(unit);
            return;
        }
        if (Character.isHighSurrogate(unit) && s.startsWith("\\u", pos) && isLowSurrogateEscape(pos + 2)) {
            pos += 2;
            out.append(unit).append((char) hex4());
            return;
        }
        out.append(REPLACEMENT);
    }

    private boolean isLowSurrogateEscape(int at) {
        if (at + 4 > s.length()) {
            return false;
        }
        for (int i = at; i < at + 4; i++) {
            if (!isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return Character.isLowSurrogate((char) Integer.parseInt(s, at, at + 4, 16));
    }

    private int hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int c = next();
            int digit = isHexDigit(c) ? Character.digit(c, 16) : -1;
            if (digit < 0) {
                throw new SyntaxError();
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw new SyntaxError();
        }
    }

    private int peek() {
        return pos < s.length() ? s.charAt(pos) : -1;
    }

    private int next() {
        return pos < s.length() ? s.charAt(pos++) : -1;
    }

    /** Not well-formed JSON. Thrown often by design (shell-form fallback), so it carries no stack. */
    private static final class SyntaxError extends RuntimeException {
        SyntaxError() {
            super(null, null, false, false);
        }
    }
}
