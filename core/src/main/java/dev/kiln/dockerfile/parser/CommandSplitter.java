package dev.kiln.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's {@code splitCommand}: the keyword is the first word of the trimmed line, then the
 * leading {@code --flag} words are taken off the rest (quotes removed, the escape character making
 * the next character literal; a bare {@code --} ends the flags), and what remains is trimmed.
 */
final class CommandSplitter {
    private CommandSplitter() {}

    /**
     * @param keyword    the instruction word as written
     * @param flags      the flag words, quotes and escapes removed
     * @param rest       the arguments, trimmed
     * @param restOffset where {@code rest} starts in the split line
     */
    record SplitCommand(String keyword, List<String> flags, String rest, int restOffset) {}

    static SplitCommand split(String line, char escape) {
        int start = GoStrings.leadingSpace(line);
        String trimmed = GoStrings.trimSpace(line);
        int keywordEnd = 0;
        while (keywordEnd < trimmed.length() && !GoStrings.isBlank(trimmed.charAt(keywordEnd))) {
            keywordEnd++;
        }
        String keyword = trimmed.substring(0, keywordEnd);
        if (keywordEnd == trimmed.length()) {
            return new SplitCommand(keyword, List.of(), "", start + keywordEnd);
        }
        int argsStart = keywordEnd;
        while (argsStart < trimmed.length() && GoStrings.isBlank(trimmed.charAt(argsStart))) {
            argsStart++;
        }
        var flags = new FlagReader(trimmed.substring(argsStart), escape);
        int afterFlags = flags.read();
        String remainder = trimmed.substring(argsStart + afterFlags);
        int restOffset = start + argsStart + afterFlags + GoStrings.leadingSpace(remainder);
        return new SplitCommand(keyword, List.copyOf(flags.words), GoStrings.trimSpace(remainder), restOffset);
    }

    /**
     * BuildKit's {@code extractBuilderFlags}. Upstream reads bytes and writes each as a rune, which
     * garbles non-ASCII flag text (and splits words inside characters holding byte 0x85 or 0xA0);
     * Kiln reads whole characters instead and keeps such text intact.
     */
    private static final class FlagReader {
        private final String text;
        private final char escape;
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private int pos;

        FlagReader(String text, char escape) {
            this.text = text;
            this.escape = escape;
        }

        /** @return where the non-flag arguments start in the text */
        int read() {
            while (true) {
                while (pos < text.length() && GoStrings.isAsciiSpace(text.charAt(pos))) {
                    pos++;
                }
                if (pos == text.length()) {
                    return pos;
                }
                if (!text.startsWith("--", pos)) {
                    return pos;
                }
                if (readWord()) {
                    return pos;
                }
            }
        }

        /** Reads one flag word; @return true when it was the {@code --} terminator. */
        private boolean readWord() {
            word.setLength(0);
            boolean quotedEmptyAllowed = false;
            int quote = 0;
            while (pos < text.length()) {
                int ch = text.codePointAt(pos);
                pos += Character.charCount(ch);
                if (quote == 0 && GoStrings.isAsciiSpace(ch)) {
                    pos -= Character.charCount(ch);
                    return finishWord(quotedEmptyAllowed, true);
                }
                if (quote == 0 && (ch == '\'' || ch == '"')) {
                    quote = ch;
                    quotedEmptyAllowed = true;
                    continue;
                }
                if (quote != 0 && ch == quote) {
                    quote = 0;
                    continue;
                }
                if (ch == escape) {
                    if (pos == text.length()) {
                        quote = 0;
                        continue;
                    }
                    ch = text.codePointAt(pos);
                    pos += Character.charCount(ch);
                }
                word.appendCodePoint(ch);
            }
            return finishWord(quotedEmptyAllowed, false);
        }

        private boolean finishWord(boolean quotedEmptyAllowed, boolean endedByBlank) {
            String flag = word.toString();
            if (flag.equals("--")) {
                return true;
            }
            if (quotedEmptyAllowed || !flag.isEmpty()) {
                words.add(flag);
            }
            return !endedByBlank;
        }
    }
}
