package dev.kiln.dockerfile.shell;

/**
 * Go's {@code Regexp.Expand} template rules for a pattern without capture groups, as BuildKit's
 * {@code ${a//p/r}} applies them to {@code r}: {@code $$} is {@code $}; {@code $name} or
 * {@code ${name}} is the match for group 0 and empty for any other name; a {@code $} not followed
 * by a name stays literal.
 */
final class GoTemplate {
    private static final int MAX_GROUP_NUMBER = 100_000_000;

    private GoTemplate() {}

    static String expand(String template, String match) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int dollar;
        while ((dollar = template.indexOf('$', i)) >= 0) {
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            int afterReference = referenceEnd(template, i);
            if (afterReference < 0) {
                out.append('$');
                continue;
            }
            if (groupNumber(referenceName(template, i, afterReference)) == 0) {
                out.append(match);
            }
            i = afterReference;
        }
        return out.append(template, i, template.length()).toString();
    }

    /** The index just after a {@code name} or {@code {name}} starting at {@code from}, or -1. */
    private static int referenceEnd(String template, int from) {
        boolean brace = from < template.length() && template.charAt(from) == '{';
        int nameStart = brace ? from + 1 : from;
        int nameEnd = nameEnd(template, nameStart);
        if (nameEnd == nameStart) {
            return -1;
        }
        if (!brace) {
            return nameEnd;
        }
        return nameEnd < template.length() && template.charAt(nameEnd) == '}' ? nameEnd + 1 : -1;
    }

    private static String referenceName(String template, int from, int end) {
        return template.charAt(from) == '{' ? template.substring(from + 1, end - 1) : template.substring(from, end);
    }

    private static int nameEnd(String template, int from) {
        int i = from;
        while (i < template.length()) {
            int ch = template.codePointAt(i);
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                break;
            }
            i += Character.charCount(ch);
        }
        return i;
    }

    /** The group number a name denotes, or -1 for a non-number (or one with a leading zero). */
    private static int groupNumber(String name) {
        int number = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9' || number >= MAX_GROUP_NUMBER) {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return name.length() > 1 && name.charAt(0) == '0' ? -1 : number;
    }
}
