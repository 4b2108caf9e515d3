package dev.kiln.dockerfile.instructions;

import java.util.List;

/**
 * The command of RUN, CMD or ENTRYPOINT.
 *
 * @param args         shell form: one element, the command text; exec (JSON) form: the argv
 * @param prependShell true for shell form (the stage's SHELL is prepended when it runs)
 * @param files        heredocs the command opened, in order
 */
public record CommandLine(List<String> args, boolean prependShell, List<InlineFile> files) {
    public CommandLine {
        args = List.copyOf(args);
        files = List.copyOf(files);
    }
}
