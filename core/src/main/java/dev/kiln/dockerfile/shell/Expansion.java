package dev.kiln.dockerfile.shell;

import java.util.Set;

/**
 * The result of expanding a word.
 *
 * @param matched   variable names that were looked up and set
 * @param unmatched variable names that were looked up and not set
 */
public record Expansion(String result, Set<String> matched, Set<String> unmatched) {}
