package dev.kiln.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the words of one (possibly nested) scan. Whitespace passed to {@link #addChar} ends the
 * current word; "raw" text (quoted, escaped, heredoc markers) never splits.
 *
 * <p>The word buffer is shared by every nested scan of one expansion, and each scan clears it when
 * it starts. This reproduces BuildKit (since its June 2024 memory optimisation): a nested
 * {@code ${name:-word}} drops the text collected before it in the same word, so
 * {@code hello${a:-x}bye} splits into {@code [xbye]}. Only word splitting is affected.
 */
public final class WordSplitter {
    private final StringBuilder buffer;
    private final List<String> words = new ArrayList<>();
    private boolean inWord;

    public WordSplitter(StringBuilder sharedBuffer) {
        this.buffer = sharedBuffer;
        sharedBuffer.setLength(0);
    }

    public void addChar(int ch) {
        boolean space = isGoSpace(ch);
        if (space && inWord) {
            if (!buffer.isEmpty()) {
                words.add(buffer.toString());
                buffer.setLength(0);
                inWord = false;
            }
        } else if (!space) {
            addRawChar(ch);
        }
    }

    public void addRawChar(int ch) {
        buffer.appendCodePoint(ch);
        inWord = true;
    }

    public void addString(String text) {
        text.codePoints().forEach(this::addChar);
    }

    public void addRawString(String text) {
        buffer.append(text);
        inWord = true;
    }

    public List<String> finish() {
        if (!buffer.isEmpty()) {
            words.add(buffer.toString());
            buffer.setLength(0);
            inWord = false;
        }
        return List.copyOf(words);
    }

    /** Go's {@code unicode.IsSpace}, which differs from {@link Character#isWhitespace}. */
    static boolean isGoSpace(int ch) {
        return switch (ch) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            case 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> ch >= 0x2000 && ch <= 0x200A;
        };
    }
}
