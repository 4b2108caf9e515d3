package dev.kiln.cli;

import dev.kiln.KilnException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Entry point of the {@code kiln} command. */
public final class Main {
    private Main() {}

    private static volatile PrintWriter processStderr;

    public static void main(String[] args) {
        processStderr = new PrintWriter(System.err, true);
        System.exit(run(args, new PrintWriter(System.out, true), processStderr));
    }

    /** Whether {@code err} is this process's standard error (so a terminal display may be drawn on it). */
    static boolean writesToProcessStderr(PrintWriter err) {
        return err == processStderr;
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        var root = new KilnCommand();
        var cli = Subcommands.commandLine(root, args)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, root.debug, err));
        return cli.execute(args);
    }

    private static int report(Exception ex, boolean debug, PrintWriter err) {
        if (ex instanceof KilnException kiln) {
            err.println("ERROR: " + kiln.getMessage());
        } else {
            err.println("ERROR: internal error: " + ex);
        }
        if (debug || !(ex instanceof KilnException)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
