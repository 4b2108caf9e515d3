package dev.kiln.solve;

/** Where the engine reports steps as they run (the progress display listens here). */
public interface StepLog {
    void started(String stepName);

    void output(String stepName, String line);

    void cached(String stepName);

    void done(String stepName);

    StepLog SILENT = new StepLog() {
        @Override
        public void started(String stepName) {}

        @Override
        public void output(String stepName, String line) {}

        @Override
        public void cached(String stepName) {}

        @Override
        public void done(String stepName) {}
    };
}
