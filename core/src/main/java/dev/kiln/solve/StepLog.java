package dev.kiln.solve;

/**
 * Where the engine reports steps as they run (the progress display listens here). A step is
 * reported started, then exactly one of cached, done or failed; its name is unique in a build.
 */
public interface StepLog {
    /** The stage of the steps BuildKit calls {@code [internal]}, such as loading a base image's metadata. */
    String INTERNAL = "[internal]";

    default void started(String stage, String step) {}

    default void output(String step, String line) {}

    default void cached(String stage, String step) {}

    default void done(String step) {}

    default void failed(String step, String message) {}

    /** The step was stopped: another step failed or the build was interrupted. */
    default void canceled(String step) {}

    /** Reports nothing. */
    StepLog SILENT = new StepLog() {};
}
