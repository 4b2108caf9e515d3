package dev.kiln.dockerfile.parser;

/**
 * A heredoc opened on an instruction line ({@code <<EOF}, {@code <<-EOF}, {@code 3<<'EOF'}).
 *
 * @param name           the terminator word after quote removal
 * @param fileDescriptor the number written before {@code <<}; 0 when absent
 * @param expand         false when any part of the terminator word was quoted
 * @param chomp          true for {@code <<-}; the content is stored as read (tabs not yet removed)
 * @param content        the body lines with their newlines, without the terminator line
 */
public record Heredoc(String name, int fileDescriptor, boolean expand, boolean chomp, String content) {}
