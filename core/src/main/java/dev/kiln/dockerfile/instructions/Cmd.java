package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;

/** {@code CMD}: the default command; {@code command().args()} empty for {@code CMD []}. */
public record Cmd(CommandLine command, SourceRange range, String original) implements Instruction {}
