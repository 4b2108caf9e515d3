package dev.kiln.solve;

import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.Mount;
import dev.kiln.dockerfile.instructions.Run;
import dev.kiln.dockerfile.shell.ShellExpansionException;
import dev.kiln.dockerfile.shell.ShellLexer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How BuildKit's frontend shows a step that makes a layer: the instruction as written (continuation
 * lines joined), its keyword upper-cased and its variables expanded. A RUN keeps its quotes and its
 * references to unset variables (the shell still sees them), and shows a secret's environment
 * variable as {@code ****}. Text that does not expand is shown as written.
 */
final class StepDisplayText {
    private static final String SECRET_MASK = "****";
    private static final ShellLexer.Options RUN_OPTIONS = new ShellLexer.Options(true, true);

    private StepDisplayText() {}

    /** @param instruction the dispatched instruction; its original text is what gets expanded */
    static String of(Instruction instruction, Map<String, String> variables, char escape) {
        var text = instruction.original().strip();
        try {
            var expanded = instruction instanceof Run run
                    ? new ShellLexer(escape, RUN_OPTIONS).processWord(text, withSecretsMasked(run, variables))
                    : new ShellLexer(escape).processWord(text, variables);
            return upperCaseKeyword(expanded);
        } catch (ShellExpansionException e) {
            return upperCaseKeyword(text);
        }
    }

    private static Map<String, String> withSecretsMasked(Run run, Map<String, String> variables) {
        var masked = new LinkedHashMap<>(variables);
        for (var mount : run.mounts()) {
            if (mount instanceof Mount.Secret secret) {
                secret.env().ifPresent(name -> masked.put(name, SECRET_MASK));
            }
        }
        return masked;
    }

    private static String upperCaseKeyword(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text.toUpperCase(Locale.ROOT)
                : text.substring(0, space).toUpperCase(Locale.ROOT) + text.substring(space);
    }
}
