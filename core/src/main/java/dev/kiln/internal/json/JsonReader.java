package dev.kiln.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A strict RFC 8259 reader of one JSON document into Jackson's tree nodes. Jackson's own parser
 * gives the same trees, but its first use initialises BigDecimal and friends, which cost every
 * Kiln command about 15 ms of start-up for a few small files.
 */
final class JsonReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 1000; // as Jackson's default StreamReadConstraints
    private static final int MAX_NUMBER_LENGTH = 1000; // likewise: a huge number is a denial of service, not data

    private final byte[] in;
    private int pos;
    private int depth;

    private JsonReader(byte[] in) {
        this.in = in;
    }

    static JsonNode read(byte[] json) throws IOException {
        var reader = new JsonReader(json);
        if (json.length >= 3 && (json[0] & 0xff) == 0xef && (json[1] & 0xff) == 0xbb && (json[2] & 0xff) == 0xbf) {
            reader.pos = 3; // a UTF-8 byte order mark, which Jackson skips too
        }
        reader.skipWhitespace();
        if (reader.pos == json.length) {
            throw reader.error("no content");
        }
        JsonNode value = reader.value();
        reader.skipWhitespace();
        if (reader.pos != json.length) {
            throw reader.error("unexpected content after the JSON value");
        }
        return value;
    }

    private JsonNode value() throws IOException {
        if (pos == in.length) {
            throw error("unexpected end of input");
        }
        return switch (in[pos]) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> NODES.textNode(string());
            case 't' -> literal("true", NODES.booleanNode(true));
            case 'f' -> literal("false", NODES.booleanNode(false));
            case 'n' -> literal("null", NODES.nullNode());
            default -> number();
        };
    }

    private ObjectNode object() throws IOException {
        enter();
        ObjectNode object = NODES.objectNode();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a field name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            object.set(name, value()); // a repeated name keeps its last value, as Jackson does
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                depth--;
                return object;
            }
        }
    }

    private ArrayNode array() throws IOException {
        enter();
        ArrayNode array = NODES.arrayNode();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return array;
        }
        while (true) {
            skipWhitespace();
            array.add(value());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                depth--;
                return array;
            }
        }
    }

    private String string() throws IOException {
        pos++; // the opening quote
        int start = pos;
        while (pos < in.length && in[pos] != '"' && in[pos] != '\\' && (in[pos] & 0xff) >= 0x20) {
            pos++;
        }
        if (pos < in.length && in[pos] == '"') {
            return new String(in, start, pos++ - start, StandardCharsets.UTF_8);
        }
        var text = new StringBuilder(new String(in, start, pos - start, StandardCharsets.UTF_8));
        while (true) {
            if (pos == in.length) {
                throw error("unterminated string");
            }
            int b = in[pos] & 0xff;
            if (b == '"') {
                pos++;
                return text.toString();
            }
            if (b < 0x20) {
                throw error("unescaped control character in a string");
            }
            if (b == '\\') {
                escape(text);
            } else {
                int runStart = pos;
                while (pos < in.length && in[pos] != '"' && in[pos] != '\\' && (in[pos] & 0xff) >= 0x20) {
                    pos++;
                }
                text.append(new String(in, runStart, pos - runStart, StandardCharsets.UTF_8));
            }
        }
    }

    private void escape(StringBuilder text) throws IOException {
        if (pos + 1 >= in.length) {
            throw error("unterminated escape");
        }
        byte kind = in[pos + 1];
        pos += 2;
        switch (kind) {
            case '"' -> text.append('"');
            case '\\' -> text.append('\\');
            case '/' -> text.append('/');
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case 'u' -> text.append(hex4());
            default -> throw error("invalid escape \\" + (char) kind);
        }
    }

    private char hex4() throws IOException {
        if (pos + 4 > in.length) {
            throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(in[pos + i], 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private JsonNode number() throws IOException {
        int start = pos;
        boolean integral = true;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("unexpected character " + describe(peek()));
        }
        if (peek() == '.') {
            integral = false;
            pos++;
            requireDigit();
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            requireDigit();
            digits();
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw error("a number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        if (!integral) {
            return NODES.numberNode(Double.parseDouble(text));
        }
        if (pos - start <= 18) {
            long value = Long.parseLong(text);
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        var big = new BigInteger(text);
        return big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private void requireDigit() throws IOException {
        if (!isDigit(peek())) {
            throw error("expected a digit");
        }
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    private JsonNode literal(String word, JsonNode node) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= in.length || in[pos + i] != word.charAt(i)) {
                throw error("unexpected character " + describe(peek()));
            }
        }
        pos += word.length();
        return node;
    }

    private void enter() throws IOException {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }

    private void expect(char c) throws IOException {
        if (peek() != c) {
            throw error("expected '" + c + "' but found " + describe(peek()));
        }
        pos++;
    }

    private int peek() {
        return pos < in.length ? in[pos] & 0xff : -1;
    }

    private void skipWhitespace() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
            pos++;
        }
    }

    private static String describe(int b) {
        return b < 0 ? "the end of input" : b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
    }

    private IOException error(String problem) {
        return new IOException("invalid JSON at byte " + pos + ": " + problem);
    }
}
