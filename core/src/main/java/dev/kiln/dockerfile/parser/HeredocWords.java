package dev.kiln.dockerfile.parser;

import dev.kiln.KilnException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognises heredoc openers ({@code <<EOF}, {@code <<-EOF}, {@code 3<<'EOF'}) as BuildKit's
 * {@code ParseHeredoc} and {@code heredocsFromLine} do, and removes the leading tabs of
 * {@code <<-} content as its {@code ChompHeredocContent} does.
 */
public final class HeredocWords {
    private HeredocWords() {}

    /**
     * One word, already split, tested against {@code ^(\d*)<<(-?)\s*([^<]*)$}.
     *
     * @return the heredoc it opens (with empty content), or empty when it opens none
     * @throws KilnException when the terminator word is malformed (an unterminated quote)
     */
    public static Optional<Heredoc> parse(String word) {
        int digits = 0;
        while (digits < word.length() && word.charAt(digits) >= '0' && word.charAt(digits) <= '9') {
            digits++;
        }
        if (!word.startsWith("<<", digits)) {
            return Optional.empty();
        }
        int at = digits + 2;
        boolean chomp = at < word.length() && word.charAt(at) == '-';
        at += chomp ? 1 : 0;
        while (at < word.length() && " \t\n\f\r".indexOf(word.charAt(at)) >= 0) {
            at++;
        }
        String rest = word.substring(at);
        if (rest.isEmpty() || rest.indexOf('<') >= 0) {
            return Optional.empty();
        }
        List<String> words = terminatorWords(word, rest, false);
        if (words.size() != 1) {
            return Optional.empty();
        }
        List<String> rawWords = terminatorWords(word, rest, true);
        if (rawWords.size() != 1) {
            throw new ParseProblem("internal lexing of heredoc produced inconsistent results: " + rest);
        }
        String name = words.getFirst();
        boolean expand = quoteCount(name) == quoteCount(rawWords.getFirst());
        return Optional.of(new Heredoc(name, fileDescriptor(word.substring(0, digits)), expand, chomp, ""));
    }

    /** {@code <<-} content with the leading tabs of every line removed. */
    public static String chomp(String content) {
        var out = new StringBuilder(content.length());
        boolean lineStart = true;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (!(lineStart && c == '\t')) {
                out.append(c);
                lineStart = c == '\n';
            }
        }
        return out.toString();
    }

    /** The heredocs a whole instruction line opens, in order (BuildKit's {@code heredocsFromLine}). */
    static List<Heredoc> fromLine(String line) {
        List<String> words;
        try {
            words = HeredocLexer.words(line, true, true);
        } catch (ParseProblem unbalanced) {
            return List.of(); // upstream ignores this error: such a line opens no heredoc
        }
        var heredocs = new ArrayList<Heredoc>();
        for (String word : words) {
            parse(word).ifPresent(heredocs::add);
        }
        return heredocs;
    }

    private static List<String> terminatorWords(String word, String rest, boolean rawQuotes) {
        try {
            return HeredocLexer.words(rest, rawQuotes, false);
        } catch (ParseProblem problem) {
            throw new ParseProblem("invalid heredoc " + word + ": " + problem.getMessage()
                    + "; quote the terminator word as a whole, as in <<'EOF'");
        }
    }

    private static long quoteCount(String s) {
        return s.chars().filter(c -> c == '\'' || c == '"').count();
    }

    /** Go's {@code ParseUint} result as an int: empty is 0, too large saturates. */
    private static int fileDescriptor(String digits) {
        if (digits.isEmpty()) {
            return 0;
        }
        BigInteger value = new BigInteger(digits);
        return value.bitLength() < 32 ? value.intValue() : Integer.MAX_VALUE;
    }
}
