package dev.kiln.dockerfile.parser;

import java.util.List;

/**
 * Shapes an instruction's arguments as BuildKit's per-instruction line parsers do
 * ({@code line_parsers.go}). ONBUILD is handled by {@link NodeFactory}, which nests a node.
 */
final class ArgumentShaper {
    private ArgumentShaper() {}

    /** The shaped arguments, and whether they were written in JSON (exec) form. */
    record Shaped(List<String> args, boolean json) {
        static final Shaped NONE = new Shaped(List.of(), false);

        static Shaped of(List<String> args) {
            return new Shaped(List.copyOf(args), false);
        }
    }

    /**
     * @param keyword the lower-cased instruction word
     * @param rest    the trimmed text after the keyword and flags
     * @throws ParseProblem with an offset into {@code rest}
     */
    static Shaped shape(String keyword, String rest, char escape) {
        return switch (keyword) {
            case "add", "copy", "volume" -> jsonOrWhitespaceSplit(rest);
            case "cmd", "entrypoint", "run", "shell" -> jsonOrWhole(rest);
            case "expose", "from" -> whitespaceSplit(rest);
            case "maintainer", "stopsignal", "user", "workdir" -> whole(rest);
            case "arg" -> Shaped.of(WordSplitter.split(rest, escape).stream().map(WordSplitter.Word::text).toList());
            case "env" -> Shaped.of(NameValueShaper.shape(rest, "ENV", escape));
            case "label" -> Shaped.of(NameValueShaper.shape(rest, "LABEL", escape));
            case "healthcheck" -> healthcheck(rest);
            default -> Shaped.of(List.of(""));
        };
    }

    private static Shaped whole(String rest) {
        return rest.isEmpty() ? Shaped.NONE : Shaped.of(List.of(rest));
    }

    private static Shaped whitespaceSplit(String rest) {
        return rest.isEmpty() ? Shaped.NONE : Shaped.of(GoStrings.splitBlankRuns(rest));
    }

    private static Shaped jsonOrWhole(String rest) {
        if (rest.isEmpty()) {
            return Shaped.NONE;
        }
        Shaped json = json(rest);
        return json != null ? json : whole(rest);
    }

    private static Shaped jsonOrWhitespaceSplit(String rest) {
        Shaped json = json(rest);
        return json != null ? json : whitespaceSplit(rest);
    }

    /** @return the JSON form, or null when the text is not a JSON array */
    private static Shaped json(String rest) {
        int start = GoStrings.leadingSpace(rest);
        if (!rest.startsWith("[", start)) {
            return null;
        }
        return switch (JsonArrayReader.read(rest.substring(start))) {
            case JsonArrayReader.Strings(List<String> values) -> new Shaped(values, true);
            case JsonArrayReader.NotJson() -> null;
            case JsonArrayReader.NonStringElement() -> throw new ParseProblem(
                    "when using JSON array syntax, arrays must be comprised of strings only;"
                            + " quote every element, as in [\"sh\", \"-c\", \"echo hi\"]", start);
        };
    }

    /** The first word (CMD, NONE, ...), then the rest as for CMD. Upstream splits bytes: only ASCII blanks count. */
    private static Shaped healthcheck(String rest) {
        int typeEnd = 0;
        while (typeEnd < rest.length() && !GoStrings.isAsciiSpace(rest.charAt(typeEnd))) {
            typeEnd++;
        }
        if (typeEnd == 0) {
            return Shaped.NONE;
        }
        int commandStart = typeEnd;
        while (commandStart < rest.length() && GoStrings.isAsciiSpace(rest.charAt(commandStart))) {
            commandStart++;
        }
        Shaped command;
        try {
            command = jsonOrWhole(rest.substring(commandStart));
        } catch (ParseProblem problem) {
            throw problem.shiftedBy(commandStart);
        }
        var args = new java.util.ArrayList<String>();
        args.add(rest.substring(0, typeEnd));
        args.addAll(command.args());
        return new Shaped(List.copyOf(args), command.json());
    }
}
