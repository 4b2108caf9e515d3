package dev.kiln.plan;

import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Arg;
import dev.kiln.dockerfile.instructions.Chmod;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.Env;
import dev.kiln.dockerfile.instructions.Expose;
import dev.kiln.dockerfile.instructions.HeredocSource;
import dev.kiln.dockerfile.instructions.Instruction;
import dev.kiln.dockerfile.instructions.KeyValue;
import dev.kiln.dockerfile.instructions.Label;
import dev.kiln.dockerfile.instructions.StopSignal;
import dev.kiln.dockerfile.instructions.User;
import dev.kiln.dockerfile.instructions.Volume;
import dev.kiln.dockerfile.instructions.Workdir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One line of text for an instruction as it will run: expanded words for the instructions the
 * frontend expands, the original text (continuations joined) for the others.
 */
public final class StepText {
    private StepText() {}

    public static String of(Instruction instruction) {
        return switch (instruction) {
            case Copy c -> join("COPY", flags(c.from(), c.chown(), c.chmod(), c.link(), c.parents(), c.excludes()),
                    c.sources(), c.inlineSources(), c.destination());
            case Add a -> join("ADD", addFlags(a), a.sources(), a.inlineSources(), a.destination());
            case Env e -> "ENV " + pairs(e.variables());
            case Label l -> "LABEL " + pairs(l.labels());
            case Arg a -> "ARG " + a.definitions().stream()
                    .map(d -> d.name() + d.defaultValue().map(v -> "=" + v).orElse(""))
                    .collect(Collectors.joining(" "));
            case Expose e -> "EXPOSE " + String.join(" ", e.ports());
            case Volume v -> "VOLUME " + v.volumes();
            case User u -> "USER " + u.user();
            case Workdir w -> "WORKDIR " + w.path();
            case StopSignal s -> "STOPSIGNAL " + s.signal();
            default -> oneLine(instruction.original());
        };
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static List<String> flags(Optional<String> from, Optional<String> chown, Optional<Chmod> chmod,
                                      boolean link, boolean parents, List<String> excludes) {
        var flags = new ArrayList<String>();
        from.ifPresent(f -> flags.add("--from=" + f));
        flags.addAll(common(chown, chmod, link, excludes));
        if (parents) {
            flags.add("--parents");
        }
        return flags;
    }

    private static List<String> addFlags(Add add) {
        var flags = new ArrayList<>(common(add.chown(), add.chmod(), add.link(), add.excludes()));
        add.checksum().ifPresent(c -> flags.add("--checksum=" + c));
        add.keepGitDir().ifPresent(k -> flags.add("--keep-git-dir=" + k));
        add.unpack().ifPresent(u -> flags.add("--unpack=" + u));
        return flags;
    }

    private static List<String> common(Optional<String> chown, Optional<Chmod> chmod, boolean link,
                                       List<String> excludes) {
        var flags = new ArrayList<String>();
        chown.ifPresent(c -> flags.add("--chown=" + c));
        chmod.ifPresent(c -> flags.add("--chmod=" + c.text()));
        if (link) {
            flags.add("--link");
        }
        excludes.forEach(e -> flags.add("--exclude=" + e));
        return flags;
    }

    private static String join(String keyword, List<String> flags, List<String> sources,
                               List<HeredocSource> inline, String destination) {
        return Stream.of(Stream.of(keyword), flags.stream(), sources.stream(),
                        inline.stream().map(h -> "<<" + h.path()), Stream.of(destination))
                .flatMap(s -> s).collect(Collectors.joining(" "));
    }

    private static String pairs(List<KeyValue> pairs) {
        return pairs.stream().map(kv -> kv.key() + "=" + quoteIfNeeded(kv.value()))
                .collect(Collectors.joining(" "));
    }

    private static String quoteIfNeeded(String value) {
        if (!value.isEmpty() && value.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\')) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
