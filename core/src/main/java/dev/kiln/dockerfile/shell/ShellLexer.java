package dev.kiln.dockerfile.shell;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Shell-word expansion as BuildKit's frontend/dockerfile/shell lexer does it: variables,
 * quotes, the escape character, and (for {@link #processWords}) word splitting.
 * Variables absent from the map are unset; a present empty string is set-but-empty.
 * Instances are immutable and safe to share between threads.
 */
public final class ShellLexer {
    private final char escape;
    private final Options options;

    /**
     * BuildKit's {@code RawQuotes} (quote characters stay in the result) and {@code SkipUnsetEnv}
     * (a reference to an unset variable stays as written); its frontend names RUN steps with both.
     */
    public record Options(boolean rawQuotes, boolean skipUnsetEnv) {
        public static final Options DEFAULT = new Options(false, false);
    }

    public ShellLexer(char escape) {
        this(escape, Options.DEFAULT);
    }

    public ShellLexer(char escape, Options options) {
        this.escape = escape;
        this.options = Objects.requireNonNull(options);
    }

    /** Expands one word, removing quotes, without splitting. */
    public String processWord(String word, Map<String, String> env) {
        return processWordWithMatches(word, env).result();
    }

    /** Expands one word and reports which variable names were looked up. */
    public Expansion processWordWithMatches(String word, Map<String, String> env) {
        WordExpander expander = new WordExpander(escape, options, Objects.requireNonNull(env), word);
        String result = run(word, expander).text();
        return new Expansion(result, Set.copyOf(expander.matched()), Set.copyOf(expander.unmatched()));
    }

    /** Expands and splits into words at unquoted whitespace. */
    public List<String> processWords(String word, Map<String, String> env) {
        return run(word, new WordExpander(escape, options, Objects.requireNonNull(env), word)).words();
    }

    char escape() {
        return escape;
    }

    private static WordExpander.Scan run(String word, WordExpander expander) {
        try {
            return expander.expandAll();
        } catch (ShellExpansionException e) {
            throw new ShellExpansionException("failed to process " + quote(word) + ": " + e.getMessage());
        }
    }

    /** Quotes the word as Go's %q does, so messages read like BuildKit's. */
    private static String quote(String word) {
        StringBuilder out = new StringBuilder("\"");
        word.codePoints().forEach(ch -> {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 0x0B -> out.append("\\v");
                default -> appendGoQuoted(out, ch);
            }
        });
        return out.append('"').toString();
    }

    private static void appendGoQuoted(StringBuilder out, int ch) {
        if (ch < ' ' || ch == 0x7F) {
            out.append(String.format("\\x%02x", ch));
        } else if (ch == ' ' || isGoPrintable(ch)) {
            out.appendCodePoint(ch);
        } else {
            out.append(String.format(ch < 0x10000 ? "\\u%04x" : "\\U%08x", ch));
        }
    }

    private static boolean isGoPrintable(int ch) {
        return switch (Character.getType(ch)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
