package dev.kiln.dockerfile.shell;

import static dev.kiln.dockerfile.shell.CodePointScanner.EOF;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one expansion: the scanner over the word, the environment, which names were looked
 * up, and whether escapes are kept raw (they are inside pattern and replacement words, so the
 * pattern can still see {@code \*}). Follows BuildKit's {@code shellWord} step by step.
 */
final class WordExpander {
    /** Deeper nesting than any real Dockerfile uses; guards the stack against hostile input. */
    private static final int MAX_NESTING = 500;

    private final int escape;
    private final ShellLexer.Options options;
    private final Map<String, String> env;
    private final CodePointScanner scanner;
    private final StringBuilder sharedWordBuffer = new StringBuilder();
    private final Set<String> matched = new LinkedHashSet<>();
    private final Set<String> unmatched = new LinkedHashSet<>();
    private final DollarExpander dollars;
    private boolean rawEscapes;
    private int nesting;

    record Scan(String text, List<String> words) {}

    WordExpander(char escape, ShellLexer.Options options, Map<String, String> env, String word) {
        this.escape = escape;
        this.options = options;
        this.env = env;
        this.scanner = new CodePointScanner(word);
        this.dollars = new DollarExpander(this);
    }

    Scan expandAll() {
        return scanUntil(EOF, false);
    }

    Set<String> matched() {
        return matched;
    }

    Set<String> unmatched() {
        return unmatched;
    }

    CodePointScanner scanner() {
        return scanner;
    }

    boolean skipUnsetEnv() {
        return options.skipUnsetEnv();
    }

    /** Scans up to (and consuming) {@code stopChar}, or to the end when it is {@link CodePointScanner#EOF}. */
    Scan scanUntil(int stopChar, boolean keepEscapes) {
        boolean saved = rawEscapes;
        rawEscapes = keepEscapes;
        if (++nesting > MAX_NESTING) {
            throw new ShellExpansionException("expansion nested more than " + MAX_NESTING + " levels deep");
        }
        try {
            return scan(stopChar);
        } finally {
            rawEscapes = saved;
            nesting--;
        }
    }

    private Scan scan(int stopChar) {
        StringBuilder result = new StringBuilder();
        WordSplitter words = new WordSplitter(sharedWordBuffer);
        while (scanner.peek() != EOF) {
            int ch = scanner.peek();
            if (stopChar != EOF && ch == stopChar) {
                scanner.next();
                return new Scan(result.toString(), words.finish());
            }
            switch (ch) {
                case '$' -> {
                    String value = dollars.expand();
                    result.append(value);
                    words.addString(value);
                }
                case '<', '\'', '"' -> {
                    String text = ch == '<' ? possibleHeredoc() : ch == '\'' ? singleQuoted() : doubleQuoted();
                    result.append(text);
                    words.addRawString(text);
                }
                default -> {
                    if (!plainOrEscaped(result, words)) {
                        return endOfInput(stopChar, result, words);
                    }
                }
            }
        }
        return endOfInput(stopChar, result, words);
    }

    /** Consumes one plain or escaped character; false when an escape ended the input. */
    private boolean plainOrEscaped(StringBuilder result, WordSplitter words) {
        int ch = scanner.next();
        if (ch == escape) {
            if (rawEscapes) {
                words.addRawChar(ch);
                result.appendCodePoint(ch);
            }
            ch = scanner.next();
            if (ch == EOF) {
                return false;
            }
            words.addRawChar(ch);
        } else {
            words.addChar(ch);
        }
        result.appendCodePoint(ch);
        return true;
    }

    private Scan endOfInput(int stopChar, StringBuilder result, WordSplitter words) {
        if (stopChar != EOF) {
            throw new ShellExpansionException(
                    "unexpected end of statement while looking for matching " + Character.toString(stopChar));
        }
        return new Scan(result.toString(), words.finish());
    }

    /** {@code <<} keeps the blanks after it glued to it, so a heredoc marker stays one word. */
    private String possibleHeredoc() {
        scanner.next();
        if (scanner.peek() != '<') {
            return "<";
        }
        scanner.next();
        StringBuilder marker = new StringBuilder("<<");
        while (scanner.peek() == '\t' || scanner.peek() == '\r' || scanner.peek() == ' ') {
            marker.appendCodePoint(scanner.next());
        }
        return marker.toString();
    }

    private String singleQuoted() {
        StringBuilder result = new StringBuilder();
        keepQuote(result, scanner.next());
        for (int ch = scanner.next(); ch != '\''; ch = scanner.next()) {
            if (ch == EOF) {
                throw new ShellExpansionException("unexpected end of statement while looking for matching single-quote");
            }
            result.appendCodePoint(ch);
        }
        keepQuote(result, '\'');
        return result.toString();
    }

    private void keepQuote(StringBuilder result, int quote) {
        if (options.rawQuotes()) {
            result.appendCodePoint(quote);
        }
    }

    /** Inside double quotes only {@code $} expands; the escape character escapes only {@code " $} and itself. */
    private String doubleQuoted() {
        StringBuilder result = new StringBuilder();
        keepQuote(result, scanner.next());
        while (true) {
            int next = scanner.peek();
            if (next == EOF) {
                throw new ShellExpansionException("unexpected end of statement while looking for matching double-quote");
            }
            if (next == '"') {
                keepQuote(result, scanner.next());
                return result.toString();
            }
            if (next == '$') {
                result.append(dollars.expand());
                continue;
            }
            int ch = scanner.next();
            if (ch == escape) {
                if (rawEscapes) {
                    result.appendCodePoint(ch);
                }
                int escaped = scanner.peek();
                if (escaped == EOF) {
                    continue;
                }
                if (escaped == '"' || escaped == '$' || escaped == escape) {
                    ch = scanner.next();
                }
            }
            result.appendCodePoint(ch);
        }
    }

    /** Looks a name up, recording whether it was set. A present empty value is set. */
    Lookup lookup(String name) {
        String value = env.get(name);
        if (value == null) {
            unmatched.add(name);
            return new Lookup("", false);
        }
        matched.add(name);
        return new Lookup(value, true);
    }

    record Lookup(String value, boolean set) {}
}
