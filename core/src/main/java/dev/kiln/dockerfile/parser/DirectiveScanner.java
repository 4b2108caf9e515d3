package dev.kiln.dockerfile.parser;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises parser directives ({@code # syntax=}, {@code # escape=}, {@code # check=}) in the
 * unbroken run of directive lines at the top of a file, as BuildKit's DirectiveParser does: the
 * first line that is not a known directive ends the run, and a repeated directive is an error.
 */
final class DirectiveScanner {
    static final String SYNTAX = "syntax";
    static final String ESCAPE = "escape";
    static final String CHECK = "check";
    private static final Set<String> KNOWN = Set.of(SYNTAX, ESCAPE, CHECK);

    /** A directive line: its lower-cased name and its value. */
    record Directive(String name, String value) {}

    private final Set<String> seen = new HashSet<>();
    private boolean done;
    private char escape = Directives.DEFAULT_ESCAPE;
    private String syntax;
    private String check;

    /**
     * Looks at the next line (newline removed; leading whitespace removed for a first line).
     *
     * @throws ParseProblem for a repeated directive or an escape other than {@code \} or {@code `}
     */
    Optional<Directive> accept(String line) {
        if (done) {
            return Optional.empty();
        }
        Optional<Directive> found = match(line).filter(d -> KNOWN.contains(d.name()));
        if (found.isEmpty()) {
            done = true;
            return found;
        }
        Directive directive = found.get();
        if (!seen.add(directive.name())) {
            throw new ParseProblem("only one " + directive.name() + " parser directive can be used;"
                    + " remove the repeated '# " + directive.name() + "=' line");
        }
        record(directive);
        return found;
    }

    char escape() {
        return escape;
    }

    Directives directives() {
        return new Directives(Optional.ofNullable(syntax), escape, Optional.ofNullable(check));
    }

    private void record(Directive directive) {
        switch (directive.name()) {
            case ESCAPE -> escape = escapeToken(directive.value());
            case SYNTAX -> syntax = directive.value();
            default -> check = directive.value();
        }
    }

    private static char escapeToken(String value) {
        if (!value.equals("`") && !value.equals("\\")) {
            throw new ParseProblem("invalid escape token '" + value + "' does not match ` or \\;"
                    + " write '# escape=\\' or '# escape=`'");
        }
        return value.charAt(0);
    }

    /**
     * BuildKit's {@code #} prefix plus {@code ^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$} on the rest
     * after leading whitespace, with the name lower-cased. Any name matches here.
     */
    static Optional<Directive> match(String line) {
        if (!line.startsWith("#")) {
            return Optional.empty();
        }
        String rest = GoStrings.trimLeadingSpace(line.substring(1));
        int nameEnd = 0;
        while (nameEnd < rest.length() && isNameChar(rest.charAt(nameEnd), nameEnd == 0)) {
            nameEnd++;
        }
        int equals = skipRegexSpace(rest, nameEnd);
        if (nameEnd == 0 || equals >= rest.length() || rest.charAt(equals) != '=') {
            return Optional.empty();
        }
        String afterEquals = rest.substring(equals + 1);
        if (afterEquals.isEmpty()) {
            return Optional.empty();
        }
        String name = rest.substring(0, nameEnd).toLowerCase(java.util.Locale.ROOT);
        return Optional.of(new Directive(name, directiveValue(afterEquals)));
    }

    /** {@code \s*(.+?)\s*$}: the text stripped of regex spaces, or its last char if all are spaces. */
    private static String directiveValue(String afterEquals) {
        int start = skipRegexSpace(afterEquals, 0);
        int end = afterEquals.length();
        while (end > start && isRegexSpace(afterEquals.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return afterEquals.substring(afterEquals.length() - 1);
        }
        return afterEquals.substring(start, end);
    }

    private static boolean isNameChar(char c, boolean first) {
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return first ? letter : letter || (c >= '0' && c <= '9');
    }

    private static int skipRegexSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isRegexSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Go regexp's {@code \s}: {@code [\t\n\f\r ]}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
