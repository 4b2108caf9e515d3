package dev.kiln.dockerfile.instructions;

/** Expansion of heredoc sources, shared by COPY and ADD. */
final class Sources {
    private Sources() {}

    static HeredocSource expand(HeredocSource source, WordExpander expander) {
        return source.expand() ? new HeredocSource(source.path(), expander.word(source.data()), true) : source;
    }
}
