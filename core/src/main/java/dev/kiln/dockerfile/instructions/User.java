package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;

/** {@code USER user[:group]}. */
public record User(String user, SourceRange range, String original) implements Instruction, Expandable<User> {
    @Override
    public User expand(WordExpander expander) {
        return new User(expander.word(user), range, original);
    }
}
