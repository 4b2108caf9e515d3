package dev.kiln.dockerfile.instructions;

import java.util.List;

/** Expands Dockerfile words against the build's variables (implemented over the shell lexer). */
public interface WordExpander {
    /** Expands one word without splitting it (quotes removed). */
    String word(String word);

    /** Expands and splits into words at unquoted whitespace (as EXPOSE uses it). */
    List<String> words(String word);
}
