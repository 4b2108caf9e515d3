package dev.kiln.dockerfile.lint;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.parser.ParseWarning;

import java.util.List;

/**
 * {@code # check=error=true} and a build check fired: the build stops, as BuildKit's does, after
 * the warnings are shown. Carries every warning of the plan so the caller can print them first.
 */
public final class LintViolationException extends KilnException {
    private final transient List<ParseWarning> warnings;
    private final List<String> rules;

    public LintViolationException(List<String> rules, List<ParseWarning> warnings) {
        super("lint violation found for rules: " + String.join(", ", rules)
                + "; check=error=true turns build-check warnings into errors: fix the warnings above, or skip"
                + " their rules with # check=skip=" + String.join(",", rules));
        this.rules = List.copyOf(rules);
        this.warnings = List.copyOf(warnings);
    }

    /** The rules that fired, each once, in the order they first fired. */
    public List<String> rules() {
        return rules;
    }

    /** Every warning of the plan, lint or not, in file order. */
    public List<ParseWarning> warnings() {
        return warnings;
    }
}
