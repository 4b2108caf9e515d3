package dev.kiln.dockerfile.parser;

import java.util.List;

/**
 * One instruction of a Dockerfile as the line parser sees it (BuildKit's parser.Node).
 *
 * @param keyword   the instruction word as written ({@code Run}, {@code COPY})
 * @param flags     the leading {@code --flag[=value]} words, quotes removed
 * @param args      the arguments, shaped per instruction as BuildKit's parser shapes them
 *                  (ENV/LABEL as key, value, separator triples; JSON form one per element)
 * @param next      for ONBUILD, the nested instruction; otherwise null
 * @param json      whether the arguments were written in JSON (exec) form
 * @param heredocs  the heredocs this instruction opened, in order
 * @param original  the full instruction text after joining continuation lines
 * @param range     where the instruction stands in the file
 */
public record Node(String keyword, List<String> flags, List<String> args, Node next, boolean json,
                   List<Heredoc> heredocs, String original, SourceRange range) {

    /** The keyword lower-cased, as instructions are matched. */
    public String value() {
        return GoStrings.toLower(keyword);
    }
}
