package dev.kiln.dockerfile.parser;

import java.util.HexFormat;

/** Go's {@code strconv.Quote}: the double-quoted form BuildKit's dump writes every string in. */
final class GoQuote {
    private static final HexFormat HEX = HexFormat.of();

    private GoQuote() {}

    static String quote(String s) {
        var out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendRune(out, cp);
        }
        return out.append('"').toString();
    }

    private static void appendRune(StringBuilder out, int cp) {
        if (cp == '"' || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
        } else if (isPrint(cp)) {
            out.appendCodePoint(cp);
        } else {
            appendEscaped(out, cp);
        }
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            default -> {
                if (cp < ' ' || cp == 0x7F) {
                    out.append("\\x").append(HEX.toHexDigits((byte) cp));
                } else if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                    // a lone surrogate is not a valid rune; Go writes such runes as U+FFFD
                    out.append("\\ufffd");
                } else if (cp < 0x10000) {
                    out.append("\\u").append(HEX.toHexDigits((short) cp));
                } else {
                    out.append("\\U").append(HEX.toHexDigits(cp));
                }
            }
        }
    }

    /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                 Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
