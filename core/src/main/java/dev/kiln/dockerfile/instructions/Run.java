package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;

/**
 * {@code RUN [--mount=…]… [--network=…] [--security=…] command}.
 *
 * @param mountSpecs the {@code --mount} values as written, in order
 * @param mounts     the mounts parsed from {@code mountSpecs}; before {@link #expand} values are as
 *                   written (a value holding {@code $} is kept raw, or absent for a number)
 */
public record Run(CommandLine command, List<String> mountSpecs, List<Mount> mounts, NetworkMode network,
                  SecurityMode security, SourceRange range, String original)
        implements Instruction, Expandable<Run> {
    public Run {
        mountSpecs = List.copyOf(mountSpecs);
        mounts = List.copyOf(mounts);
    }

    /** Expands the {@code --mount} option values (not the command) and validates the result. */
    @Override
    public Run expand(WordExpander expander) {
        var expanded = mountSpecs.stream().map(spec -> MountParser.parse(spec, expander, range, original)).toList();
        return new Run(command, mountSpecs, expanded, network, security, range, original);
    }
}
