package dev.kiln.dockerfile.parser;

import java.util.List;

/**
 * The result of parsing: the instructions in order, the directives, and the warnings.
 *
 * @param fileName the name used in messages (e.g. {@code Dockerfile} or {@code -})
 * @param lines    the file's lines (for quoting in error messages)
 * @param range    from the first to the last instruction line
 */
public record ParsedDockerfile(String fileName, List<Node> children, Directives directives,
                               List<ParseWarning> warnings, List<String> lines, SourceRange range) {}
