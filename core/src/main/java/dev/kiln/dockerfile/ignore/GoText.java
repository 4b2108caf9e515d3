package dev.kiln.dockerfile.ignore;

/** Go's {@code strings.TrimSpace}: trims Unicode white space, which (unlike Java's strip) includes U+00A0. */
final class GoText {
    private GoText() {}

    static String trimSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char ch) {
        return switch (ch) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> ch >= 0x2000 && ch <= 0x200A;
        };
    }
}
