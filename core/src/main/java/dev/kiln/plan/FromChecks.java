package dev.kiln.plan;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.Stage;
import dev.kiln.dockerfile.instructions.Suggestion;
import dev.kiln.dockerfile.lint.Finding;
import dev.kiln.dockerfile.lint.Rule;
import dev.kiln.dockerfile.shell.Expansion;
import dev.kiln.image.Platform;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks BuildKit runs on each FROM line while it resolves stages, for every stage, built or
 * not: UndefinedArgInFrom, RedundantTargetPlatform and FromPlatformFlagConstDisallowed. They are
 * scoped to the FROM line, so a {@code # check=} comment above it applies.
 */
final class FromChecks {
    private static final String TARGET_PLATFORM = "TARGETPLATFORM";

    private final MetaArgs meta;
    private final List<Finding> findings;

    FromChecks(MetaArgs meta, List<Finding> findings) {
        this.meta = meta;
        this.findings = findings;
    }

    /** UndefinedArgInFrom for each variable of the base name or platform that no global ARG declares. */
    void undefinedArgs(Stage stage, Expansion expansion) {
        var known = knownNames();
        for (var name : expansion.unmatched()) {
            if (!known.contains(name)) {
                var hint = Suggestion.closest(name, known, true).map(s -> " (did you mean " + s + "?)").orElse("");
                report(stage, Rule.UNDEFINED_ARG_IN_FROM, "FROM argument '" + name + "' is not declared" + hint);
            }
        }
    }

    /** The platform checks, on the {@code --platform} value's expansion. */
    void platform(Stage stage, String written, Expansion expansion) {
        redundantTargetPlatform(stage, written, expansion);
        constantPlatform(stage, expansion);
    }

    /** {@code --platform=$TARGETPLATFORM} is what a stage gets anyway. */
    private void redundantTargetPlatform(Stage stage, String written, Expansion expansion) {
        if (expansion.matched().equals(Set.of(TARGET_PLATFORM)) && expansion.unmatched().isEmpty()
                && expansion.result().equals(meta.values().get(TARGET_PLATFORM))) {
            report(stage, Rule.REDUNDANT_TARGET_PLATFORM, "Setting platform to predefined " + written
                    + " in FROM is redundant as this is the default behavior");
        }
    }

    /** A literal platform, unless the stage's name mentions its OS or architecture (a per-platform stage). */
    private void constantPlatform(Stage stage, Expansion expansion) {
        if (!expansion.matched().isEmpty() || !expansion.unmatched().isEmpty()) {
            return;
        }
        Platform platform;
        try {
            platform = Platform.parse(expansion.result()).normalized();
        } catch (KilnException | IllegalArgumentException e) {
            return;
        }
        var name = stage.name().orElse("");
        if (name.contains(platform.os()) || name.contains(platform.architecture())) {
            return;
        }
        report(stage, Rule.FROM_PLATFORM_FLAG_CONST_DISALLOWED,
                "FROM --platform flag should not use constant value \"" + expansion.result() + "\"");
    }

    /** BuildKit's candidates: the declared global ARGs and every global value (platform ARGs included). */
    private Set<String> knownNames() {
        var known = new TreeSet<>(meta.declared());
        known.addAll(meta.values().keySet());
        return known;
    }

    private void report(Stage stage, Rule rule, String detail) {
        var range = stage.from().range();
        findings.add(rule.at(range, range.startLine(), detail));
    }
}
