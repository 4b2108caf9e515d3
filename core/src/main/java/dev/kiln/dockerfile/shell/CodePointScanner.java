package dev.kiln.dockerfile.shell;

/**
 * Reads a string one code point at a time, like Go's {@code text/scanner} as BuildKit uses it:
 * {@link #EOF} past the end, and a byte-order mark at the very start is skipped.
 */
final class CodePointScanner {
    static final int EOF = -1;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String text;
    private int position;

    CodePointScanner(String text) {
        this.text = text;
        this.position = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    }

    int peek() {
        return position < text.length() ? text.codePointAt(position) : EOF;
    }

    int next() {
        int codePoint = peek();
        if (codePoint != EOF) {
            position += Character.charCount(codePoint);
        }
        return codePoint;
    }
}
