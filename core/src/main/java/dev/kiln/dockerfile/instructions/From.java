package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.util.Optional;

/**
 * {@code FROM [--platform=p] image [AS name]}.
 *
 * @param image     the base image or stage reference as written
 * @param platform  the {@code --platform} value as written
 * @param stageName the stage name lower-cased, if {@code AS name} was given
 */
public record From(String image, Optional<String> platform, Optional<String> stageName,
                   SourceRange range, String original) implements Instruction, Expandable<From> {
    @Override
    public From expand(WordExpander expander) {
        return new From(expander.word(image), platform.map(expander::word), stageName, range, original);
    }
}
