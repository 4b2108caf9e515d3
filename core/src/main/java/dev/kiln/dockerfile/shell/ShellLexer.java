package dev.kiln.dockerfile.shell;

import java.util.List;
import java.util.Map;

/**
 * Shell-word expansion as BuildKit's frontend/dockerfile/shell lexer does it: variables,
 * quotes, the escape character, and (for {@link #processWords}) word splitting.
 * Variables absent from the map are unset; a present empty string is set-but-empty.
 */
public final class ShellLexer {
    private final char escape;

    public ShellLexer(char escape) {
        this.escape = escape;
    }

    /** Expands one word, removing quotes, without splitting. */
    public String processWord(String word, Map<String, String> env) {
        return processWordWithMatches(word, env).result();
    }

    /** Expands one word and reports which variable names were looked up. */
    public Expansion processWordWithMatches(String word, Map<String, String> env) {
        throw new UnsupportedOperationException("shell lexer not implemented yet");
    }

    /** Expands and splits into words at unquoted whitespace. */
    public List<String> processWords(String word, Map<String, String> env) {
        throw new UnsupportedOperationException("shell lexer not implemented yet");
    }

    char escape() {
        return escape;
    }
}
