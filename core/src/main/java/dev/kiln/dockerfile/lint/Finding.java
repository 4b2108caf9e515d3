package dev.kiln.dockerfile.lint;

import dev.kiln.dockerfile.parser.ParseWarning;
import dev.kiln.dockerfile.parser.SourceRange;

/**
 * One occurrence of a build check, before {@code # check=} options decide whether it is shown.
 *
 * @param rule      the check
 * @param detail    BuildKit's message for it, without the rule name
 * @param range     where it points
 * @param scopeLine the first line of the instruction whose preceding {@code # check=} comment
 *                  applies (BuildKit merges an instruction's comments into the options), or 0
 *                  when only the file-wide options apply
 */
public record Finding(Rule rule, String detail, SourceRange range, int scopeLine) {
    public static final int FILE_SCOPE = 0;

    /** Go's {@code %q} for the plain strings findings quote (paths, names). */
    public static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** As Kiln prints it: {@code Rule: detail}. */
    public ParseWarning toWarning() {
        return new ParseWarning(rule.id() + ": " + detail, range);
    }
}
