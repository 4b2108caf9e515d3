package dev.kiln.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * ENV and LABEL arguments as (key, value, separator) triples, as BuildKit's {@code parseNameVal}
 * builds them. The old form {@code ENV key value} gives one triple with an empty separator; the
 * new form {@code k=v k2=v2} gives one triple per word with {@code =}. Which form is used depends
 * on whether the first word contains {@code =}.
 */
final class NameValueShaper {
    private NameValueShaper() {}

    /** @throws ParseProblem with an offset into {@code rest} */
    static List<String> shape(String rest, String instruction, char escape) {
        List<WordSplitter.Word> words = WordSplitter.split(rest, escape);
        if (words.isEmpty()) {
            return List.of();
        }
        if (!words.getFirst().text().contains("=")) {
            return oldForm(rest, instruction);
        }
        var triples = new ArrayList<String>();
        for (WordSplitter.Word word : words) {
            int equals = word.text().indexOf('=');
            if (equals < 0) {
                throw new ParseProblem("Syntax error - can't find = in " + GoQuote.quote(word.text())
                        + ". Must be of the form: name=value", word.offset());
            }
            triples.add(word.text().substring(0, equals));
            triples.add(word.text().substring(equals + 1));
            triples.add("=");
        }
        return triples;
    }

    private static List<String> oldForm(String rest, String instruction) {
        List<String> parts = GoStrings.splitBlankRuns(rest, 2);
        if (parts.size() < 2) {
            throw new ParseProblem(instruction + " must have two arguments; write " + instruction
                    + " name=value", 0);
        }
        return List.of(parts.get(0), parts.get(1), "");
    }
}
