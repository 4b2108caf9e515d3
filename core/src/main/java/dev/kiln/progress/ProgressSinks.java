package dev.kiln.progress;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.IntSupplier;

/** Builds the {@link ProgressSink} for a {@code --progress} mode. */
public final class ProgressSinks {
    /** How often the live display redraws (and the plain log releases held-back output). */
    public static final Duration TICK = Duration.ofMillis(100);
    private static final int DEFAULT_COLUMNS = 80;

    private ProgressSinks() {}

    /**
     * The sink for {@code mode} ({@code auto|tty|plain|json|quiet}) writing to {@code err}; {@code auto} picks
     * the live display when {@code err} is the process's standard error, that is a terminal, and
     * {@code TERM} is not {@code dumb}. A bad mode is a {@link dev.kiln.KilnException} naming the choices.
     */
    public static ProgressSink create(String mode, PrintStream err) {
        return create(ProgressMode.parse(mode), err, System.getenv());
    }

    static ProgressSink create(ProgressMode mode, PrintStream err, Map<String, String> env) {
        InstantSource clock = InstantSource.system();
        return switch (mode.resolve(() -> isTerminal(err), env.get("TERM"))) {
            case TTY -> tty(writer(err), clock, () -> columns(env), ProgressSinks::rows, !env.containsKey("NO_COLOR"));
            case JSON, QUIET, PLAIN, AUTO -> lines(mode, writer(err), clock);
        };
    }

    /** The sink for {@code mode} where no live display can be drawn: json, nothing (quiet), else plain. */
    public static ProgressSink lines(ProgressMode mode, Writer out, InstantSource clock) {
        return switch (mode) {
            case JSON -> json(out, clock);
            case QUIET -> ProgressSink.discard();
            case PLAIN, AUTO, TTY -> plain(out, clock);
        };
    }

    public static ProgressSink plain(Writer out, InstantSource clock) {
        return new QueuedSink(new PlainRenderer(printWriter(out)), clock, TICK);
    }

    public static ProgressSink json(Writer out, InstantSource clock) {
        return new QueuedSink(new JsonRenderer(printWriter(out)), clock, TICK);
    }

    /** The live display; {@code columns} and {@code rows} are asked before each frame (rows 0: unlimited). */
    public static ProgressSink tty(Writer out, InstantSource clock, IntSupplier columns, IntSupplier rows,
            boolean color) {
        return new QueuedSink(new TtyRenderer(printWriter(out), columns, rows, color), clock, TICK);
    }

    private static boolean isTerminal(PrintStream err) {
        if (err != System.err) {
            return false;
        }
        return Terminal.isTerminal(Terminal.STDERR).orElseGet(() -> {
            var console = System.console();
            return console != null && console.isTerminal();
        });
    }

    private static int columns(Map<String, String> env) {
        return Terminal.size(Terminal.STDERR).map(Terminal.Size::columns).orElseGet(() -> {
            try {
                return Integer.parseInt(env.getOrDefault("COLUMNS", ""));
            } catch (NumberFormatException e) {
                return DEFAULT_COLUMNS;
            }
        });
    }

    private static int rows() {
        return Terminal.size(Terminal.STDERR).map(Terminal.Size::rows).orElse(0);
    }

    private static Writer writer(PrintStream stream) {
        return new PrintWriter(stream, false, stream.charset());
    }

    private static PrintWriter printWriter(Writer out) {
        return out instanceof PrintWriter printWriter ? printWriter : new PrintWriter(out, false);
    }
}
