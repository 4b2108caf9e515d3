package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;
import java.util.Optional;

/**
 * {@code ADD [--chown] [--chmod] [--link] [--exclude]… [--checksum] [--keep-git-dir] [--unpack] src… dest}.
 *
 * @param keepGitDir absent unless the flag was given
 * @param unpack     absent unless the flag was given (default: unpack local archives, not URLs)
 */
public record Add(List<String> sources, List<HeredocSource> inlineSources, String destination,
                  Optional<String> chown, Optional<Chmod> chmod, boolean link, List<String> excludes,
                  Optional<String> checksum, Optional<Boolean> keepGitDir, Optional<Boolean> unpack,
                  SourceRange range, String original) implements Instruction, Expandable<Add> {
    public Add {
        sources = List.copyOf(sources);
        inlineSources = List.copyOf(inlineSources);
        excludes = List.copyOf(excludes);
    }

    /** Expands sources, destination, --chown, --chmod, --checksum, --exclude and expandable heredocs. */
    @Override
    public Add expand(WordExpander expander) {
        return new Add(sources.stream().map(expander::word).toList(),
                inlineSources.stream().map(s -> Sources.expand(s, expander)).toList(),
                expander.word(destination), chown.map(expander::word), chmod.map(c -> c.expand(expander, range)),
                link, excludes.stream().map(expander::word).toList(), checksum.map(expander::word),
                keepGitDir, unpack, range, original);
    }
}
