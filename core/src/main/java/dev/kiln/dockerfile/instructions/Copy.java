package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;
import java.util.Optional;

/**
 * {@code COPY [--from] [--chown] [--chmod] [--link] [--parents] [--exclude]… src… dest}.
 *
 * @param sources        the source paths (not heredocs)
 * @param inlineSources  heredoc sources
 */
public record Copy(List<String> sources, List<HeredocSource> inlineSources, String destination,
                   Optional<String> from, Optional<String> chown, Optional<Chmod> chmod, boolean link,
                   boolean parents, List<String> excludes, SourceRange range, String original)
        implements Instruction, Expandable<Copy> {
    public Copy {
        sources = List.copyOf(sources);
        inlineSources = List.copyOf(inlineSources);
        excludes = List.copyOf(excludes);
    }

    /** Expands sources, destination, --from, --chown, --chmod, --exclude and expandable heredocs. */
    @Override
    public Copy expand(WordExpander expander) {
        return new Copy(sources.stream().map(expander::word).toList(),
                inlineSources.stream().map(s -> Sources.expand(s, expander)).toList(),
                expander.word(destination), from.map(expander::word), chown.map(expander::word),
                chmod.map(c -> c.expand(expander, range)), link, parents,
                excludes.stream().map(expander::word).toList(), range, original);
    }
}
