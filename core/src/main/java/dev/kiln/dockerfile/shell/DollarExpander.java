package dev.kiln.dockerfile.shell;

import static dev.kiln.dockerfile.shell.CodePointScanner.EOF;

/**
 * Expands one {@code $name} or {@code ${...}} at the scanner's {@code $}: the plain forms and the
 * modifiers {@code - + ?} (each also with {@code :}), {@code # ## % %%} and {@code / //}.
 */
final class DollarExpander {
    private static final String MISSING_BRACE = "syntax error: missing '}'";

    private final WordExpander word;
    private final CodePointScanner scanner;

    DollarExpander(WordExpander word) {
        this.word = word;
        this.scanner = word.scanner();
    }

    String expand() {
        scanner.next();
        if (scanner.peek() != '{') {
            String name = readName();
            if (name.isEmpty()) {
                return "$";
            }
            var variable = word.lookup(name);
            return !variable.set() && word.skipUnsetEnv() ? "$" + name : variable.value();
        }
        scanner.next();
        int first = scanner.peek();
        if (first == EOF) {
            throw new ShellExpansionException(MISSING_BRACE);
        }
        if (first == '{' || first == '}' || first == ':') {
            throw new ShellExpansionException("syntax error: bad substitution");
        }
        String name = readName();
        int modifier = scanner.next();
        return switch (modifier) {
            case EOF -> throw new ShellExpansionException(MISSING_BRACE);
            case '}' -> {
                var variable = word.lookup(name);
                yield !variable.set() && word.skipUnsetEnv() ? "${" + name + "}" : variable.value();
            }
            case ':' -> withModifier(name, scanner.next(), true);
            case '+', '-', '?', '#', '%' -> withModifier(name, modifier, false);
            case '/' -> replace(name);
            default -> throw unsupported(Character.toString(modifier));
        };
    }

    private String withModifier(String name, int modifier, boolean emptyIsUnset) {
        String shown = (emptyIsUnset ? ":" : "") + (modifier == EOF ? "\uFFFD" : Character.toString(modifier));
        boolean isPattern = modifier == '#' || modifier == '%';
        if (emptyIsUnset && isPattern) {
            throw unsupported(shown);
        }
        String argument = scanArgument('}', isPattern, MISSING_BRACE);
        WordExpander.Lookup variable = word.lookup(name);
        if (!variable.set() && word.skipUnsetEnv()) {
            return "${" + name + shown + argument + "}";
        }
        boolean unset = !variable.set() || (emptyIsUnset && variable.value().isEmpty());
        return switch (modifier) {
            case '-' -> unset ? argument : variable.value();
            case '+' -> unset ? "" : argument;
            case '?' -> {
                if (unset) {
                    String reason = !variable.set() ? "is not allowed to be unset" : "is not allowed to be empty";
                    throw new ShellExpansionException(name + ": " + (argument.isEmpty() ? reason : argument));
                }
                yield variable.value();
            }
            case '#', '%' -> trim(variable.value(), argument, modifier);
            default -> throw unsupported(shown);
        };
    }

    /** {@code #}/{@code %} remove the shortest match, {@code ##}/{@code %%} the longest. */
    private static String trim(String value, String argument, int modifier) {
        boolean greedy = !argument.isEmpty() && argument.charAt(0) == modifier;
        String glob = greedy ? argument.substring(1) : argument;
        return modifier == '%'
                ? ShellPattern.trimSuffix(glob, value, greedy)
                : ShellPattern.trimPrefix(glob, value, greedy);
    }

    private String replace(String name) {
        boolean all = scanner.peek() == '/';
        if (all) {
            scanner.next();
        }
        String pattern = scanArgument('/', true, "syntax error: missing '/' in ${}");
        String replacement = scanArgument('}', true, MISSING_BRACE);
        var variable = word.lookup(name);
        if (!variable.set() && word.skipUnsetEnv()) {
            return "${" + name + "/" + pattern + "/" + replacement + "}"; // BuildKit's text: a "//" comes back as "/"
        }
        String value = variable.value();
        return all
                ? ShellPattern.replaceAll(pattern, value, replacement)
                : ShellPattern.replaceFirst(pattern, value, replacement);
    }

    /** Expands the word after a modifier; running out of input means the closing character is missing. */
    private String scanArgument(int stopChar, boolean keepEscapes, String missingMessage) {
        try {
            return word.scanUntil(stopChar, keepEscapes).text();
        } catch (ShellExpansionException e) {
            if (scanner.peek() == EOF) {
                throw new ShellExpansionException(missingMessage);
            }
            throw e;
        }
    }

    /**
     * A name is a run of letters, digits and {@code _}; a leading digit makes it just the run of
     * digits, and a leading special parameter character ({@code @*#?-$!0}) is a name on its own.
     */
    private String readName() {
        StringBuilder name = new StringBuilder();
        while (scanner.peek() != EOF) {
            int ch = scanner.peek();
            if (name.isEmpty() && Character.isDigit(ch)) {
                while (Character.isDigit(scanner.peek())) {
                    name.appendCodePoint(scanner.next());
                }
                return name.toString();
            }
            if (name.isEmpty() && isSpecialParameter(ch)) {
                return Character.toString(scanner.next());
            }
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                break;
            }
            name.appendCodePoint(scanner.next());
        }
        return name.toString();
    }

    private static boolean isSpecialParameter(int ch) {
        return switch (ch) {
            case '@', '*', '#', '?', '-', '$', '!', '0' -> true;
            default -> false;
        };
    }

    private static ShellExpansionException unsupported(String modifier) {
        return new ShellExpansionException("unsupported modifier (" + modifier + ") in substitution");
    }
}
