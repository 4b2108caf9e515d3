package dev.kiln.dockerfile.instructions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads one record of comma-separated fields with {@code "quoted, fields"}, as Go's encoding/csv. */
final class Csv {
    private Csv() {}

    static List<String> fields(String line, Function<String, InstructionException> fail) {
        var fields = new ArrayList<String>();
        int i = 0;
        while (true) {
            var field = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, field, fail);
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') {
                        throw fail.apply("parse error on line 1, column " + (i + 1) + ": bare \" in non-quoted-field");
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
    private static int quoted(String line, int i, StringBuilder field, Function<String, InstructionException> fail) {
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
                throw fail.apply("parse error on line 1, column " + (i + 2) + ": extraneous or missing \" in quoted-field");
            }
        }
        throw fail.apply("parse error on line 1, column " + (i + 1) + ": extraneous or missing \" in quoted-field");
    }
}
