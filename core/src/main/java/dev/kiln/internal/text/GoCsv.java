package dev.kiln.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads one record of comma-separated fields with {@code "quoted, fields"} (a doubled quote is a
 * quote), as Go's encoding/csv does for BuildKit's {@code --mount} and {@code --output} values.
 */
public final class GoCsv {
    /** What is wrong with a record, and where (1-based column). */
    public record Problem(Kind kind, int column) {
        public enum Kind { BARE_QUOTE, EXTRANEOUS_QUOTE, UNCLOSED_QUOTE }

        /** Go's own wording, as BuildKit reports it. */
        public String goMessage() {
            return "parse error on line 1, column " + column + ": "
                    + (kind == Kind.BARE_QUOTE ? "bare \" in non-quoted-field" : "extraneous or missing \" in quoted-field");
        }
    }

    private GoCsv() {}

    /** The fields of {@code line}; a malformed one throws what {@code fail} makes of its problem. */
    public static List<String> fields(String line, Function<Problem, ? extends RuntimeException> fail) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            var field = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, field, fail);
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') {
                        throw fail.apply(new Problem(Problem.Kind.BARE_QUOTE, i + 1));
                    }
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** Reads a quoted field starting after its opening quote; returns the index after the closing quote. */
    private static int quoted(String line, int i, StringBuilder field, Function<Problem, ? extends RuntimeException> fail) {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != '"') {
                field.append(c);
                i++;
            } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
            } else if (i + 1 == line.length() || line.charAt(i + 1) == ',') {
                return i + 1;
            } else {
                throw fail.apply(new Problem(Problem.Kind.EXTRANEOUS_QUOTE, i + 2));
            }
        }
        throw fail.apply(new Problem(Problem.Kind.UNCLOSED_QUOTE, i + 1));
    }
}
