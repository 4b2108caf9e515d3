package dev.kiln.dockerfile.instructions;

/**
 * A heredoc attached to a RUN/CMD/ENTRYPOINT (BuildKit's ShellInlineFile).
 *
 * @param name  the terminator word
 * @param data  the body as read
 * @param chomp true for {@code <<-} (leading tabs to be removed when used)
 */
public record InlineFile(String name, String data, boolean chomp) {}
