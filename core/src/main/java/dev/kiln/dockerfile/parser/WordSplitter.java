package dev.kiln.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's {@code parseWords} for ENV, LABEL and ARG: words separated by whitespace outside
 * quotes, with quotes and escape sequences kept in the word for the shell lexer to handle later.
 * Inside single quotes the escape character is not special; an escape character at the very end
 * is dropped.
 */
final class WordSplitter {
    private WordSplitter() {}

    /** A word and where it starts in the split text. */
    record Word(String text, int offset) {}

    static List<Word> split(String rest, char escape) {
        var words = new ArrayList<Word>();
        var word = new StringBuilder();
        int wordStart = -1;
        boolean quotedEmptyAllowed = false;
        int quote = 0;
        int pos = 0;
        while (pos < rest.length()) {
            int ch = rest.codePointAt(pos);
            int at = pos;
            pos += Character.charCount(ch);
            if (wordStart < 0) {
                if (GoStrings.isSpace(ch)) {
                    continue;
                }
                wordStart = at;
            }
            if (quote == 0) {
                if (GoStrings.isSpace(ch)) {
                    addWord(words, word, wordStart, quotedEmptyAllowed);
                    wordStart = -1;
                    quotedEmptyAllowed = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    quotedEmptyAllowed = true;
                }
            } else if (ch == quote) {
                quote = 0;
            } else if (quote == '\'' && ch == escape) {
                word.appendCodePoint(ch);
                continue;
            }
            if (ch == escape) {
                if (pos == rest.length()) {
                    quote = 0;
                    continue;
                }
                word.appendCodePoint(ch);
                ch = rest.codePointAt(pos);
                pos += Character.charCount(ch);
            }
            word.appendCodePoint(ch);
        }
        if (wordStart >= 0) {
            addWord(words, word, wordStart, quotedEmptyAllowed);
        }
        return words;
    }

    private static void addWord(List<Word> words, StringBuilder word, int start, boolean quotedEmptyAllowed) {
        if (quotedEmptyAllowed || !word.isEmpty()) {
            words.add(new Word(word.toString(), start));
        }
        word.setLength(0);
    }
}
