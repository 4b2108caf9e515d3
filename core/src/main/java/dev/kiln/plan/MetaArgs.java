package dev.kiln.plan;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.Arg;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.dockerfile.shell.ShellLexer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The global scope: ARGs declared before the first FROM, on top of the automatic platform ARGs.
 * A {@code --build-arg} overrides a declared default; a default may use ARGs declared before it.
 */
record MetaArgs(Map<String, String> values, Set<String> declared) {

    static MetaArgs evaluate(List<Arg> metaArgs, Map<String, String> platformArgs, Map<String, String> buildArgs,
                             ShellLexer lexer) {
        var values = new LinkedHashMap<>(platformArgs);
        var declared = new TreeSet<String>();
        for (var arg : metaArgs) {
            for (var definition : arg.definitions()) {
                var name = definition.name();
                declared.add(name);
                String value = buildArgs.get(name);
                if (value == null && definition.defaultValue().isPresent()) {
                    value = expand(lexer, definition.defaultValue().get(), values, arg);
                }
                if (value != null) {
                    values.put(name, value);
                }
            }
        }
        return new MetaArgs(Map.copyOf(values), Set.copyOf(declared));
    }

    private static String expand(ShellLexer lexer, String word, Map<String, String> values, Arg arg) {
        try {
            return lexer.processWord(word, values);
        } catch (KilnException e) {
            throw new InstructionException(arg.range(), e.getMessage());
        }
    }
}
