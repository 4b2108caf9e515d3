package dev.kiln.exec;

/** Runs one process in a root filesystem and reports its exit code. */
public sealed interface Executor permits RuncExecutor, ChrootExecutor {

    /** Blocks until the process ends; returns its exit status (128 + signal when killed). */
    int run(ExecSpec spec, OutputListener output);

    /** Like {@link #run}, with Kiln's stdin, stdout and stderr passed through (for {@code kiln run}). */
    int runAttached(ExecSpec spec);

    /** What isolates the process, for build logs: e.g. "runc (/usr/sbin/runc)". */
    String isolation();
}
