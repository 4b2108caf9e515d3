package dev.kiln.plan;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.Env;
import dev.kiln.dockerfile.instructions.Expandable;
import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.Label;
import dev.kiln.dockerfile.instructions.Run;
import dev.kiln.dockerfile.instructions.StopSignal;
import dev.kiln.dockerfile.instructions.User;
import dev.kiln.dockerfile.instructions.Volume;
import dev.kiln.dockerfile.instructions.Workdir;
import dev.kiln.dockerfile.instructions.WordExpander;
import dev.kiln.dockerfile.shell.ShellLexer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The variables an instruction's words use that are not set, word by word, as BuildKit's
 * UndefinedVar sees them: only the words the frontend itself expands (ENV, LABEL, COPY and ADD
 * sources, destination and options, WORKDIR, USER, VOLUME, STOPSIGNAL, RUN mount options) —
 * never RUN/CMD/ENTRYPOINT commands, which the shell expands, nor EXPOSE.
 */
final class UndefinedVars {
    private UndefinedVars() {}

    /** Each word's unset variables, one entry per use (a name used in two words is listed twice). */
    static List<String> of(Instruction instruction, Map<String, String> variables, ShellLexer lexer) {
        var recorder = new Recorder(lexer, variables, new ArrayList<>());
        try {
            checkedWords(instruction).ifPresent(expandable -> expandable.expand(recorder));
        } catch (KilnException e) {
            // An invalid expanded value fails the step when it is dispatched; the check stops here.
        }
        return recorder.unmatched();
    }

    /** The parts BuildKit expands: COPY's --from and --exclude are left as written there. */
    private static Optional<Expandable<?>> checkedWords(Instruction instruction) {
        return Optional.ofNullable(switch (instruction) {
            case Copy c -> new Copy(c.sources(), c.inlineSources(), c.destination(), Optional.empty(), c.chown(),
                    c.chmod(), c.link(), c.parents(), List.of(), c.range(), c.original());
            case Add a -> new Add(a.sources(), a.inlineSources(), a.destination(), a.chown(), a.chmod(), a.link(),
                    List.of(), a.checksum(), a.keepGitDir(), a.unpack(), a.range(), a.original());
            case Env e -> e;
            case Label l -> l;
            case Workdir w -> w;
            case User u -> u;
            case Volume v -> v;
            case StopSignal s -> s;
            case Run r -> r;
            default -> null;
        });
    }

    /** Expands as the build does, noting each word's unset variables. */
    private record Recorder(ShellLexer lexer, Map<String, String> variables, List<String> unmatched)
            implements WordExpander {
        @Override
        public String word(String word) {
            var expansion = lexer.processWordWithMatches(word, variables);
            unmatched.addAll(new TreeSet<>(expansion.unmatched()));
            return expansion.result();
        }

        @Override
        public List<String> words(String word) {
            word(word);
            return lexer.processWords(word, variables);
        }
    }
}
