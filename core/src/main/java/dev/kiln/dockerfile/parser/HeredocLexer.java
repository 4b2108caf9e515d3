package dev.kiln.dockerfile.parser;

import dev.kiln.dockerfile.shell.WordSplitter;
import java.util.List;

/**
 * The part of BuildKit's shell-word lexer that heredoc detection uses: word splitting with
 * {@code \} as escape, an empty environment and unset variables left as written
 * ({@code SkipUnsetEnv}), optionally keeping quotes ({@code RawQuotes}) and escapes
 * ({@code RawEscapes}). {@code <<} and the blanks after it stay in one word.
 *
 * <p>Kept separate from the full lexer in {@code dockerfile.shell} on purpose: the parser must
 * find heredocs exactly as BuildKit does, including the reference's quirk that a nested
 * {@code ${...}} clears the word being built (both share one buffer upstream). The word
 * splitting itself is the shell lexer's {@link WordSplitter}.
 */
final class HeredocLexer {
    private static final int EOF = -1;
    private static final int ESCAPE = '\\';

    private final int[] chars;
    private final boolean rawQuotes;
    private boolean rawEscapes;
    private final StringBuilder sharedWordBuffer = new StringBuilder();
    private int pos;

    private HeredocLexer(String text, boolean rawQuotes, boolean rawEscapes) {
        int[] cps = text.codePoints().toArray();
        // Go's text/scanner skips a byte order mark at the very start
        this.pos = cps.length > 0 && cps[0] == 0xFEFF ? 1 : 0;
        this.chars = cps;
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
    }

    /** @throws ParseProblem on an unterminated quote or a malformed {@code ${...}} */
    static List<String> words(String text, boolean rawQuotes, boolean rawEscapes) {
        var lexer = new HeredocLexer(text, rawQuotes, rawEscapes);
        return lexer.processStopOn(EOF, rawEscapes).words();
    }

    private record Processed(String text, List<String> words) {}

    private Processed processStopOn(int stopChar, boolean raw) {
        boolean saved = rawEscapes;
        rawEscapes = raw;
        try {
            return processUntil(stopChar);
        } finally {
            rawEscapes = saved;
        }
    }

    private Processed processUntil(int stopChar) {
        var result = new StringBuilder();
        var words = new WordSplitter(sharedWordBuffer);
        while (peek() != EOF) {
            int ch = peek();
            if (stopChar != EOF && ch == stopChar) {
                next();
                return new Processed(result.toString(), words.finish());
            }
            switch (ch) {
                case '$' -> appendExpansion(result, words, processDollar(), true);
                case '<' -> appendExpansion(result, words, processPossibleHeredoc(), false);
                case '\'' -> appendExpansion(result, words, processSingleQuote(), false);
                case '"' -> appendExpansion(result, words, processDoubleQuote(), false);
                default -> {
                    if (!appendPlain(result, words)) {
                        return new Processed(result.toString(), words.finish());
                    }
                }
            }
        }
        if (stopChar != EOF) {
            throw new ParseProblem("unexpected end of statement while looking for matching "
                    + Character.toString(stopChar));
        }
        return new Processed(result.toString(), words.finish());
    }

    private static void appendExpansion(StringBuilder result, WordSplitter words, String text, boolean split) {
        result.append(text);
        if (split) {
            words.addString(text);
        } else {
            words.addRawString(text);
        }
    }

    /** @return false when an escape character ended the input */
    private boolean appendPlain(StringBuilder result, WordSplitter words) {
        int ch = next();
        if (ch == ESCAPE) {
            if (rawEscapes) {
                words.addRawChar(ch);
                result.appendCodePoint(ch);
            }
            ch = next();
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

    private String processSingleQuote() {
        var result = new StringBuilder();
        int ch = next();
        if (rawQuotes) {
            result.appendCodePoint(ch);
        }
        while (true) {
            ch = next();
            if (ch == EOF) {
                throw new ParseProblem("unexpected end of statement while looking for matching single-quote");
            }
            if (ch == '\'') {
                if (rawQuotes) {
                    result.appendCodePoint(ch);
                }
                return result.toString();
            }
            result.appendCodePoint(ch);
        }
    }

    private String processDoubleQuote() {
        var result = new StringBuilder();
        int ch = next();
        if (rawQuotes) {
            result.appendCodePoint(ch);
        }
        while (true) {
            switch (peek()) {
                case EOF -> throw new ParseProblem(
                        "unexpected end of statement while looking for matching double-quote");
                case '"' -> {
                    next();
                    if (rawQuotes) {
                        result.append('"');
                    }
                    return result.toString();
                }
                case '$' -> result.append(processDollar());
                default -> appendQuotedChar(result);
            }
        }
    }

    private void appendQuotedChar(StringBuilder result) {
        int ch = next();
        if (ch == ESCAPE) {
            if (rawEscapes) {
                result.appendCodePoint(ch);
            }
            int following = peek();
            if (following == EOF) {
                return;
            }
            if (following == '"' || following == '$' || following == ESCAPE) {
                ch = next();
            }
        }
        result.appendCodePoint(ch);
    }

    /** {@code $name} or {@code ${...}} with every variable unset, so the text is kept as written. */
    private String processDollar() {
        next();
        if (peek() != '{') {
            String name = processName();
            return "$" + name;
        }
        next();
        int first = peek();
        if (first == EOF) {
            throw new ParseProblem("syntax error: missing '}'");
        }
        if (first == '{' || first == '}' || first == ':') {
            throw new ParseProblem("syntax error: bad substitution");
        }
        String name = processName();
        int ch = next();
        return switch (ch) {
            case '}' -> "${" + name + "}";
            case ':' -> {
                int modifier = next();
                yield modified(name, ":" + runeString(modifier), modifier, true);
            }
            case '+', '-', '?', '#', '%' -> modified(name, runeString(ch), ch, false);
            case '/' -> replacement(name);
            default -> throw new ParseProblem("unsupported modifier (" + runeString(ch) + ") in substitution");
        };
    }

    private String modified(String name, String modifierText, int modifier, boolean nullIsUnset) {
        boolean patternModifier = modifier == '#' || modifier == '%';
        if (nullIsUnset && patternModifier) {
            throw new ParseProblem("unsupported modifier (" + modifierText + ") in substitution");
        }
        String word = processUntilBrace('}', patternModifier, "syntax error: missing '}'");
        return "${" + name + modifierText + word + "}";
    }

    private String replacement(String name) {
        if (peek() == '/') {
            next();
        }
        String pattern = processUntilBrace('/', true, "syntax error: missing '/' in ${}");
        String replacement = processUntilBrace('}', true, "syntax error: missing '}'");
        return "${" + name + "/" + pattern + "/" + replacement + "}";
    }

    private String processUntilBrace(int stopChar, boolean raw, String missingMessage) {
        try {
            return processStopOn(stopChar, raw).text();
        } catch (ParseProblem problem) {
            throw peek() == EOF ? new ParseProblem(missingMessage) : problem;
        }
    }

    private String processName() {
        var name = new StringBuilder();
        while (peek() != EOF) {
            int ch = peek();
            if (name.isEmpty() && Character.isDigit(ch)) {
                while (peek() != EOF && Character.isDigit(peek())) {
                    name.appendCodePoint(next());
                }
                return name.toString();
            }
            if (name.isEmpty() && isSpecialParameter(ch)) {
                next();
                return runeString(ch);
            }
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                break;
            }
            name.appendCodePoint(next());
        }
        return name.toString();
    }

    private String processPossibleHeredoc() {
        next();
        if (peek() != '<') {
            return "<";
        }
        next();
        var text = new StringBuilder("<<");
        while (peek() == '\t' || peek() == '\r' || peek() == ' ') {
            text.appendCodePoint(next());
        }
        return text.toString();
    }

    private static boolean isSpecialParameter(int ch) {
        return switch (ch) {
            case '@', '*', '#', '?', '-', '$', '!', '0' -> true;
            default -> false;
        };
    }

    /** Go's {@code string(rune)}: EOF (-1) becomes U+FFFD. */
    private static String runeString(int ch) {
        return ch < 0 ? "\uFFFD" : Character.toString(ch);
    }

    private int peek() {
        return pos < chars.length ? chars[pos] : EOF;
    }

    private int next() {
        return pos < chars.length ? chars[pos++] : EOF;
    }
}
