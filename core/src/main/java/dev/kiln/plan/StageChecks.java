package dev.kiln.plan;

import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Arg;
import dev.kiln.dockerfile.instructions.Cmd;
import dev.kiln.dockerfile.instructions.CommandLine;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.Entrypoint;
import dev.kiln.dockerfile.instructions.Env;
import dev.kiln.dockerfile.instructions.Expose;
import dev.kiln.dockerfile.instructions.Healthcheck;
import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.KeyValue;
import dev.kiln.dockerfile.instructions.Label;
import dev.kiln.dockerfile.instructions.Shell;
import dev.kiln.dockerfile.instructions.Suggestion;
import dev.kiln.dockerfile.instructions.Workdir;
import dev.kiln.dockerfile.lint.Finding;
import dev.kiln.dockerfile.lint.Rule;
import dev.kiln.dockerfile.parser.SourceRange;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks BuildKit runs while it dispatches the instructions of a stage it builds (stages the
 * target does not need are never checked): UndefinedVar, JSONArgsRecommended, LegacyKeyValueFormat,
 * MultipleInstructionsDisallowed, WorkdirRelativePath, SecretsUsedInArgOrEnv, CopyIgnoredFile,
 * ExposeProtoCasing and ExposeInvalidFormat. One instance per built stage, fed in order.
 */
final class StageChecks {
    /** BuildKit's ARGs that never become variables, so their use is never "undefined". */
    private static final Set<String> NON_ENV_ARGS = Set.of("BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE");

    private final PlanInputs inputs;
    private final List<Finding> findings;
    private final boolean envKnown;
    private final Set<String> declaredArgs;
    private final Map<Class<?>, SourceRange> usedOnce = new HashMap<>();
    private boolean workdirSet;
    private boolean shellSet;

    StageChecks(StageLintState base, PlanInputs inputs, List<Finding> findings) {
        this.inputs = inputs;
        this.findings = findings;
        this.envKnown = base.envKnown();
        this.declaredArgs = new HashSet<>(base.declaredArgs());
        this.workdirSet = base.workdirSet();
        this.shellSet = base.shellSet();
    }

    /** What a stage built FROM this one starts with. */
    StageLintState end() {
        return new StageLintState(envKnown, declaredArgs, workdirSet, shellSet);
    }

    /**
     * @param raw       the instruction as written
     * @param expanded  the instruction as dispatched (its words expanded)
     * @param variables the stage's variables before it
     * @param trigger   true for an ONBUILD trigger of the base stage (no comment of its own applies)
     */
    void check(Instruction raw, Instruction expanded, Map<String, String> variables, boolean trigger) {
        int scope = trigger ? Finding.FILE_SCOPE : raw.range().startLine();
        if (raw instanceof Arg arg) {
            declare(arg, variables, scope);
            return;
        }
        UndefinedVars.of(raw, variables, inputs.lexer()).forEach(name -> undefined(raw, name, variables, scope));
        switch (expanded) {
            case Env env -> env.variables().forEach(kv -> {
                legacyFormat(raw, kv, scope);
                secret("ENV", kv.key(), raw, scope);
            });
            case Label label -> label.labels().forEach(kv -> legacyFormat(raw, kv, scope));
            case Cmd cmd -> command(raw, cmd.command(), scope);
            case Entrypoint entrypoint -> command(raw, entrypoint.command(), scope);
            case Healthcheck ignored -> usedOnce(raw, scope);
            case Shell ignored -> shellSet = true;
            case Workdir workdir -> workdir(workdir, scope);
            case Copy copy when copy.from().isEmpty() -> copy.sources().forEach(s -> ignored("Copy", s, raw, scope));
            case Add add -> add.sources().stream().filter(s -> !isRemote(s)).forEach(s -> ignored("Add", s, raw, scope));
            case Expose expose -> expose.ports().forEach(port -> expose(port, raw, scope));
            default -> { }
        }
    }

    /** ARG: each name's secret check, then its default's unset variables (unless a build arg replaces it). */
    private void declare(Arg arg, Map<String, String> variables, int scope) {
        var known = new HashMap<>(variables);
        for (var definition : arg.definitions()) {
            var name = definition.name();
            secret("ARG", name, arg, scope);
            boolean fromBuildArg = inputs.buildArgs().containsKey(name);
            if (!fromBuildArg && definition.defaultValue().isPresent()) {
                var expansion = inputs.lexer().processWordWithMatches(definition.defaultValue().get(), known);
                expansion.unmatched().stream().sorted().forEach(n -> undefined(arg, n, known, scope));
                known.put(name, expansion.result());
            } else if (fromBuildArg || inputs.globalArgs().containsKey(name)) {
                known.put(name, "");
            }
            declaredArgs.add(name);
        }
    }

    private void undefined(Instruction at, String name, Map<String, String> variables, int scope) {
        if (!envKnown || declaredArgs.contains(name) || NON_ENV_ARGS.contains(name)) {
            return;
        }
        var hint = Suggestion.closest(name, variables.keySet(), true).map(s -> " (did you mean $" + s + "?)")
                .orElse("");
        report(Rule.UNDEFINED_VAR, at.range(), scope, "Usage of undefined variable '$" + name + "'" + hint);
    }

    private void legacyFormat(Instruction at, KeyValue kv, int scope) {
        if (kv.noDelimiter()) {
            var keyword = WrittenKeyword.of(at);
            report(Rule.LEGACY_KEY_VALUE_FORMAT, at.range(), scope, "\"" + keyword + " key=value\" should be used"
                    + " instead of legacy \"" + keyword + " key value\" format");
        }
    }

    private void secret(String keyword, String name, Instruction at, int scope) {
        if (SecretNames.looksSecret(name)) {
            report(Rule.SECRETS_USED_IN_ARG_OR_ENV, at.range(), scope,
                    "Do not use ARG or ENV instructions for sensitive data (" + keyword + " " + Finding.quote(name) + ")");
        }
    }

    private void command(Instruction at, CommandLine command, int scope) {
        usedOnce(at, scope);
        if (command.prependShell() && !shellSet) {
            report(Rule.JSON_ARGS_RECOMMENDED, at.range(), scope, "JSON arguments recommended for "
                    + WrittenKeyword.of(at) + " to prevent unintended behavior related to OS signals");
        }
    }

    /** A second CMD, ENTRYPOINT or HEALTHCHECK: the warning points at the earlier one, which is ignored. */
    private void usedOnce(Instruction at, int scope) {
        var previous = usedOnce.put(at.getClass(), at.range());
        if (previous != null) {
            report(Rule.MULTIPLE_INSTRUCTIONS_DISALLOWED, previous, scope, "Multiple " + WrittenKeyword.of(at)
                    + " instructions should not be used in the same stage because only the last one will be used");
        }
    }

    /** Only the first WORKDIR of the build counts: later relative ones build on it. */
    private void workdir(Workdir workdir, int scope) {
        if (!workdirSet && !workdir.path().startsWith("/")) {
            report(Rule.WORKDIR_RELATIVE_PATH, workdir.range(), scope, "Relative workdir "
                    + Finding.quote(workdir.path()) + " can have unexpected results if the base image changes");
        }
        workdirSet = true;
    }

    private void ignored(String verb, String source, Instruction at, int scope) {
        inputs.ignored().excluded(source).ifPresent(path -> report(Rule.COPY_IGNORED_FILE, at.range(), scope,
                "Attempting to " + verb + " file " + Finding.quote(path) + " that is excluded by .dockerignore"));
    }

    /** ADD's URL and git sources come from elsewhere than the context. */
    private static boolean isRemote(String source) {
        return source.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || source.startsWith("git@");
    }

    private void expose(String port, Instruction at, int scope) {
        ExposedPorts.read(port).ifPresent(parsed -> {
            if (parsed.protoNotLowercase()) {
                report(Rule.EXPOSE_PROTO_CASING, at.range(), scope,
                        "Defined protocol '" + port + "' in EXPOSE instruction should be lowercase");
            }
            if (parsed.mapsHost()) {
                report(Rule.EXPOSE_INVALID_FORMAT, at.range(), scope, "EXPOSE instruction should not define an IP"
                        + " address or host-port mapping, found '" + port + "'");
            }
        });
    }

    private void report(Rule rule, SourceRange range, int scope, String detail) {
        findings.add(rule.at(range, scope, detail));
    }
}
