package dev.kiln.dockerfile.instructions;

/**
 * An instruction whose words BuildKit expands (variables, quotes) before it runs.
 * RUN, CMD and ENTRYPOINT commands are not expanded by the frontend (the shell does it);
 * RUN only expands its {@code --mount} option values.
 *
 * @param <T> the instruction's own type, returned expanded
 */
public interface Expandable<T extends Instruction> {
    /**
     * @return a copy with every expandable word replaced by its expansion
     * @throws dev.kiln.dockerfile.DockerfileException when an expanded value is invalid
     *         (e.g. a {@code --chmod} or mount option that only became known after expansion)
     */
    T expand(WordExpander expander);
}
