package dev.kiln.progress;

import dev.kiln.progress.BuildEvent.StepCached;
import dev.kiln.progress.BuildEvent.StepStarted;
import java.time.Instant;

/** Run by {@link TerminalTest} inside a pseudo-terminal: reports what Kiln sees, then runs an auto display. */
public final class TerminalProbe {
    private TerminalProbe() {}

    public static void main(String[] args) {
        System.out.println("tty=" + Terminal.isTerminal(Terminal.STDERR).orElse(null)
                + " size=" + Terminal.size(Terminal.STDERR).map(s -> s.columns() + "x" + s.rows()).orElse("none"));
        try (ProgressSink sink = ProgressSinks.create("auto", System.err)) {
            sink.emit(new StepStarted(1, "[1/1] FROM scratch", Instant.now()));
            sink.emit(new StepCached(1));
        }
    }
}
