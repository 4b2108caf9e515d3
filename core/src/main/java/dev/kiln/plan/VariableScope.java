package dev.kiln.plan;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.Arg;
import dev.kiln.dockerfile.instructions.ArgDefinition;
import dev.kiln.dockerfile.instructions.Env;
import dev.kiln.dockerfile.instructions.Expandable;
import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.dockerfile.shell.ShellLexer;
import dev.kiln.image.ImageConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of one stage while its instructions are dispatched in order, as BuildKit keeps
 * them: the base's environment, then each ENV and each ARG that has a value (a build arg, its
 * default, or the global value of the same name). Words of later instructions expand against it.
 */
public final class VariableScope {
    private final LinkedHashMap<String, String> variables;
    private final Map<String, String> globalArgs;
    private final Map<String, String> buildArgs;
    private final ShellLexer lexer;

    /**
     * @param baseVariables the base's variables: an image's ENV, or a base stage's final variables
     * @param globalArgs    the global ARG values (inherited by {@code ARG NAME} without a default)
     * @param buildArgs     the {@code --build-arg} values
     */
    public VariableScope(Map<String, String> baseVariables, Map<String, String> globalArgs,
                         Map<String, String> buildArgs, char escape) {
        this(baseVariables, globalArgs, buildArgs, new ShellLexer(escape));
    }

    VariableScope(Map<String, String> baseVariables, Map<String, String> globalArgs, Map<String, String> buildArgs,
                  ShellLexer lexer) {
        this.variables = new LinkedHashMap<>(baseVariables);
        this.variables.putIfAbsent("PATH", ImageConfig.DEFAULT_PATH);
        this.globalArgs = globalArgs;
        this.buildArgs = buildArgs;
        this.lexer = lexer;
    }

    /** The variables as they stand now (what the next instruction sees). */
    public Map<String, String> variables() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** Expands the instruction against the current variables and applies what it defines. */
    public Instruction dispatch(Instruction instruction) {
        try {
            return switch (instruction) {
                case Arg arg -> declare(arg);
                case Env env -> define(env.expand(expander()));
                case Expandable<?> expandable -> expandable.expand(expander());
                default -> instruction;
            };
        } catch (InstructionException e) {
            throw e;
        } catch (KilnException e) {
            throw new InstructionException(instruction.range(), e.getMessage());
        }
    }

    private Env define(Env env) {
        env.variables().forEach(kv -> variables.put(kv.key(), kv.value()));
        return env;
    }

    private Arg declare(Arg arg) {
        var resolved = new ArrayList<ArgDefinition>();
        for (var definition : arg.definitions()) {
            var value = valueOf(definition);
            value.ifPresent(v -> variables.put(definition.name(), v));
            resolved.add(new ArgDefinition(definition.name(), value));
        }
        return new Arg(resolved, arg.range(), arg.original());
    }

    private Optional<String> valueOf(ArgDefinition definition) {
        var name = definition.name();
        if (buildArgs.containsKey(name)) {
            return Optional.of(buildArgs.get(name));
        }
        if (definition.defaultValue().isPresent()) {
            return Optional.of(lexer.processWord(definition.defaultValue().get(), variables));
        }
        return Optional.ofNullable(globalArgs.get(name));
    }

    private LexerExpander expander() {
        return new LexerExpander(lexer, variables);
    }
}
