package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;

/** {@code ENTRYPOINT}; {@code command().args()} empty means "no entrypoint" ({@code ENTRYPOINT []}). */
public record Entrypoint(CommandLine command, SourceRange range, String original) implements Instruction {}
