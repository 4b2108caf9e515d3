package dev.kiln.solve;

import dev.kiln.dockerfile.instructions.CommandLine;
import dev.kiln.dockerfile.instructions.InlineFile;
import dev.kiln.dockerfile.parser.HeredocWords;

import java.util.List;
import java.util.Optional;

/**
 * The argv a RUN runs, as BuildKit builds it: shell form through the stage's shell; a RUN that is
 * only a heredoc runs the heredoc's text (or, when it starts with {@code #!}, the heredoc as a
 * script file); other heredocs are handed to the shell with their bodies.
 *
 * @param args   argv before the shell is prepended
 * @param script a heredoc to mount as an executable file at {@link #SCRIPT_DIR}, if any
 */
record RunCommand(List<String> args, Optional<InlineFile> script) {
    static final String SCRIPT_DIR = "/dev/pipes/";

    static RunCommand of(CommandLine command) {
        if (command.files().isEmpty()) {
            return new RunCommand(command.args(), Optional.empty());
        }
        var text = command.args().getFirst();
        var first = command.files().getFirst();
        if (HeredocWords.parse(text.strip()).isPresent()) {
            var data = first.chomp() ? HeredocWords.chomp(first.data()) : first.data();
            if (data.startsWith("#!")) {
                var script = new InlineFile(first.name(), data, false);
                return new RunCommand(List.of(SCRIPT_DIR + first.name()), Optional.of(script));
            }
            return new RunCommand(List.of(data), Optional.empty());
        }
        var joined = new StringBuilder(text);
        for (var file : command.files()) {
            joined.append('\n').append(file.data()).append(file.name());
        }
        return new RunCommand(List.of(joined.toString()), Optional.empty());
    }
}
