package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;

/**
 * One typed Dockerfile instruction, as BuildKit's {@code instructions} package produces it.
 * Values are as written; the ones BuildKit expands are expanded through {@link Expandable}.
 */
public sealed interface Instruction
        permits Add, Arg, Cmd, Copy, Entrypoint, Env, Expose, From, Healthcheck, Label, Maintainer,
                Onbuild, Run, Shell, StopSignal, User, Volume, Workdir {

    /** Where the instruction stands in the Dockerfile. */
    SourceRange range();

    /** The instruction text as written, continuation lines joined. */
    String original();

    /** The upper-case keyword, e.g. {@code COPY}. */
    default String keyword() {
        return Keywords.of(this);
    }
}
