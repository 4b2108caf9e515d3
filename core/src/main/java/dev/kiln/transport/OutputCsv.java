package dev.kiln.transport;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV record as Go's encoding/csv does (which BuildKit uses for --output): "quoted, fields". */
final class OutputCsv {
    private OutputCsv() {
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            var field = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, field);
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') {
                        throw bad(line, "bare \" in an unquoted field at column " + (i + 1));
                    }
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= line.length()) {
                return fields;
            }
            i++;
        }
    }

    /** Reads a quoted field that starts after its opening quote; returns the index after the closing quote. */
    private static int quoted(String line, int i, StringBuilder field) {
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
                throw bad(line, "extraneous \" in a quoted field at column " + (i + 2));
            }
        }
        throw bad(line, "a quoted field is not closed");
    }

    private static TransportException bad(String line, String problem) {
        return new TransportException("output '" + line + "': " + problem + "; quote a whole field as \"name=a,b\"");
    }
}
