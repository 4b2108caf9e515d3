package dev.kiln.dockerfile.instructions;

/**
 * A COPY/ADD source given inline as a heredoc (BuildKit's SourceContent).
 *
 * @param path   the file name to create (the heredoc's terminator word)
 * @param data   the content, tabs already removed for {@code <<-}
 * @param expand whether variables in {@code data} are expanded (terminator unquoted)
 */
public record HeredocSource(String path, String data, boolean expand) {}
