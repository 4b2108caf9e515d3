package dev.kiln.progress;

import java.time.Instant;

/**
 * The single-threaded core of a renderer. A {@link QueuedSink} calls it from one thread only,
 * in emission order, so implementations keep plain mutable state and need no locks.
 */
interface EventRenderer {

    /** One event, stamped with the time it was emitted. */
    void onEvent(BuildEvent event, Instant at);

    /** Called about every tick interval while the build runs, e.g. to redraw a live display. */
    default void onTick(Instant now) {}

    /** The build is over: print whatever is still pending and the end-of-build report. */
    void onClose(Instant now);
}
