package dev.kiln.dockerfile.lint;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.parser.ParseWarning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the lint options to the findings: the file's {@code # check=} directive (or the
 * {@code BUILDKIT_DOCKERFILE_CHECK} build arg, which replaces it, as in BuildKit), then each
 * instruction's own {@code # check=} comment.
 *
 * @param options  the file-wide options
 * @param comments the comments above each instruction
 */
public record Checks(CheckOptions options, CheckComments comments) {
    /** The build arg that overrides the Dockerfile's {@code check} directive. */
    public static final String BUILD_ARG = "BUILDKIT_DOCKERFILE_CHECK";

    /**
     * @param directive the Dockerfile's {@code check} directive value, if any
     * @param buildArgs the build args ({@value #BUILD_ARG} wins over the directive)
     * @throws KilnException when the options do not parse
     */
    public static Checks configure(Optional<String> directive, Map<String, String> buildArgs,
                                   CheckComments comments) {
        if (buildArgs.containsKey(BUILD_ARG)) {
            return new Checks(parse(buildArgs.get(BUILD_ARG), "build-arg:" + BUILD_ARG), comments);
        }
        var value = directive.map(CheckComments::cutRemark).orElse("");
        return new Checks(parse(value, "check options"), comments);
    }

    private static CheckOptions parse(String value, String what) {
        try {
            return CheckOptions.parse(value);
        } catch (KilnException e) {
            throw new KilnException("failed to parse " + what + ": " + e.getMessage(), e);
        }
    }

    /** The findings the options let through, in order, as warnings. */
    public Result apply(List<Finding> findings) {
        var shown = new ArrayList<Finding>();
        for (var finding : findings) {
            if (comments.optionsAt(options, finding.scopeLine()).enabled(finding.rule())) {
                shown.add(finding);
            }
        }
        return new Result(shown, options.error());
    }

    /**
     * The findings to show.
     *
     * @param findings   the findings that passed the options, in the order they fired
     * @param errorOnAny whether {@code error=true} makes any of them fail the build
     */
    public record Result(List<Finding> findings, boolean errorOnAny) {
        public Result {
            findings = List.copyOf(findings);
        }

        public List<ParseWarning> warnings() {
            return findings.stream().map(Finding::toWarning).toList();
        }

        /** The violation to throw when {@code error=true} and a check fired; {@code allWarnings} go with it. */
        public Optional<LintViolationException> violation(List<ParseWarning> allWarnings) {
            if (!errorOnAny || findings.isEmpty()) {
                return Optional.empty();
            }
            var rules = new LinkedHashSet<String>();
            findings.forEach(f -> rules.add(f.rule().id()));
            return Optional.of(new LintViolationException(List.copyOf(rules), allWarnings));
        }
    }
}
