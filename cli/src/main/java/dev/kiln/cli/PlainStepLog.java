package dev.kiln.cli;

import dev.kiln.solve.StepLog;

import java.io.PrintWriter;

/** A minimal line-per-event log of the build's steps (the full progress display replaces it). */
final class PlainStepLog implements StepLog {
    private final PrintWriter err;

    PlainStepLog(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void started(String stepName) {
        err.println(stepName);
        err.flush();
    }

    @Override
    public synchronized void output(String stepName, String line) {
        err.println("  " + line);
        err.flush();
    }

    @Override
    public synchronized void cached(String stepName) {
        err.println(stepName + " CACHED");
    }

    @Override
    public synchronized void done(String stepName) {
        err.flush();
    }
}
