package dev.kiln.plan;

import dev.kiln.dockerfile.shell.ShellLexer;

import java.util.Map;

/**
 * What the per-stage checks read besides the stage itself.
 *
 * @param lexer      the Dockerfile's shell lexer
 * @param buildArgs  the {@code --build-arg} values
 * @param globalArgs the global ARG values
 * @param ignored    the {@code .dockerignore} test for COPY/ADD sources
 */
record PlanInputs(ShellLexer lexer, Map<String, String> buildArgs, Map<String, String> globalArgs,
                  IgnoredSources ignored) {}
