package dev.kiln.dockerfile.parser;

/**
 * BuildKit's line-continuation rule: {@code ([^E])E[ \t]*$|^E[ \t]*$} for the escape character E.
 * A line continues when its last non-blank character is the escape character and that is not
 * itself preceded by the escape character.
 */
final class Continuation {
    private Continuation() {}

    /** @return the line without the escape character and the blanks after it, or null if it does not continue */
    static String strip(String line, char escape) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end == 0 || line.charAt(end - 1) != escape) {
            return null;
        }
        int escapeAt = end - 1;
        if (escapeAt > 0 && line.charAt(escapeAt - 1) == escape) {
            return null;
        }
        return line.substring(0, escapeAt);
    }
}
