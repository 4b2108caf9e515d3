package dev.kiln.progress;

/**
 * Where a build sends its {@link BuildEvent}s. Implementations are safe to call from many
 * threads at once and return quickly: they never make a step wait for a slow terminal.
 * {@link #close()} flushes everything still pending, prints the end of the report and returns
 * once the output is written; events emitted after it are dropped.
 */
public interface ProgressSink extends AutoCloseable {

    void emit(BuildEvent event);

    @Override
    void close();

    /** A sink that discards everything, for builds nobody watches. */
    static ProgressSink discard() {
        return new ProgressSink() {
            @Override
            public void emit(BuildEvent event) {}

            @Override
            public void close() {}
        };
    }
}
