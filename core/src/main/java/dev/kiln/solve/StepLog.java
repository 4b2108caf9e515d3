package dev.kiln.solve;

/**
 * Where the engine reports steps as they run (the progress display listens here). A step is
 * reported started, then exactly one of cached, done or failed; its name is unique in a build.
 */
public interface StepLog {
    void started(String stage, String step);

    void output(String step, String line);

    void cached(String stage, String step);

    void done(String step);

    void failed(String step, String message);
}
