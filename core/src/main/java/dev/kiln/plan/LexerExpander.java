package dev.kiln.plan;

import dev.kiln.dockerfile.instructions.WordExpander;
import dev.kiln.dockerfile.shell.ShellLexer;

import java.util.List;
import java.util.Map;

/** Expands words with the shell lexer against a fixed set of variables. */
record LexerExpander(ShellLexer lexer, Map<String, String> variables) implements WordExpander {
    @Override
    public String word(String word) {
        return lexer.processWord(word, variables);
    }

    @Override
    public List<String> words(String word) {
        return lexer.processWords(word, variables);
    }
}
