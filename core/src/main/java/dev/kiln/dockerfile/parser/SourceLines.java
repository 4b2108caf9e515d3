package dev.kiln.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The physical lines of a Dockerfile, read one at a time as BuildKit's line scanner reads them:
 * split at {@code \n} with the line ending kept, a leading UTF-8 BOM dropped, and no line longer
 * than 65535 bytes.
 */
final class SourceLines {
    static final int MAX_LINE_BYTES = 65535;
    private static final char BOM = '\uFEFF';

    /** One physical line: its 1-based number and its text with its {@code \n} (if any). */
    record SourceLine(int number, String raw) {}

    private final List<String> raw = new ArrayList<>();
    private int consumed;

    SourceLines(String text) {
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            raw.add(text.substring(start, end));
            start = end;
        }
    }

    boolean hasNext() {
        return consumed < raw.size();
    }

    /** @throws LineTooLongException for a line BuildKit's scanner cannot hold */
    SourceLine next() {
        String line = raw.get(consumed);
        consumed++;
        int bytes = utf8Length(withoutNewline(line));
        if (bytes > MAX_LINE_BYTES) {
            throw new LineTooLongException(consumed, bytes);
        }
        if (consumed == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
            line = line.substring(1);
        }
        return new SourceLine(consumed, line);
    }

    /** The number of the last line handed out; 0 before the first. */
    int currentLine() {
        return consumed;
    }

    /** Every line of the file without its line ending (and without the BOM), for quoting. */
    List<String> displayLines() {
        var lines = new ArrayList<String>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String line = trimNewline(raw.get(i));
            lines.add(i == 0 && !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line);
        }
        return List.copyOf(lines);
    }

    /** BuildKit's {@code trimNewline}: drops every trailing CR and LF. */
    static String trimNewline(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static String withoutNewline(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        }
        return bytes;
    }

    /** A line too long for BuildKit's 64 KiB line buffer. */
    static final class LineTooLongException extends RuntimeException {
        private final int lineNumber;
        private final int bytes;

        LineTooLongException(int lineNumber, int bytes) {
            super("line " + lineNumber + " has " + bytes + " bytes", null, false, false);
            this.lineNumber = lineNumber;
            this.bytes = bytes;
        }

        int lineNumber() {
            return lineNumber;
        }

        int bytes() {
            return bytes;
        }
    }
}
