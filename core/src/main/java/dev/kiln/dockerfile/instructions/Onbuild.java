package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;

/**
 * {@code ONBUILD instruction}.
 *
 * @param trigger    the nested instruction, parsed
 * @param expression the trigger text stored in the image config (heredoc bodies appended)
 */
public record Onbuild(Instruction trigger, String expression, SourceRange range, String original)
        implements Instruction {}
