package dev.kiln.dockerfile.instructions;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal {@code $NAME}/{@code ${NAME}} expander over a map, standing in until ShellLexer exists. */
record MapExpander(Map<String, String> env) implements WordExpander {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    @Override
    public String word(String word) {
        return VARIABLE.matcher(word).replaceAll(m -> Matcher.quoteReplacement(env.getOrDefault(m.group(1), "")));
    }

    @Override
    public List<String> words(String word) {
        var expanded = word(word).strip();
        return expanded.isEmpty() ? List.of() : Arrays.asList(expanded.split("\\s+"));
    }
}
