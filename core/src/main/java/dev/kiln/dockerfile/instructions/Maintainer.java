package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;

/** {@code MAINTAINER name} (deprecated; becomes the image's author). */
public record Maintainer(String maintainer, SourceRange range, String original) implements Instruction {}
