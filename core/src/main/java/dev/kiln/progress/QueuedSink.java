package dev.kiln.progress;

import dev.kiln.KilnException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes an {@link EventRenderer} a thread-safe {@link ProgressSink}: {@link #emit} stamps the event
 * and appends it to an unbounded queue (never blocking the step that emits), and one virtual thread
 * drains the queue into the renderer and ticks it at a steady rate. A slow terminal therefore only
 * delays the display, never the build.
 */
final class QueuedSink implements ProgressSink {
    private record Stamped(BuildEvent event, Instant at) {}

    private static final Stamped END = new Stamped(null, Instant.EPOCH);

    private final LinkedBlockingQueue<Stamped> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final EventRenderer renderer;
    private final InstantSource clock;
    private final long tickNanos;
    private final Thread drainer;
    private volatile RuntimeException failure;

    QueuedSink(EventRenderer renderer, InstantSource clock, Duration tick) {
        this.renderer = renderer;
        this.clock = clock;
        this.tickNanos = tick.toNanos();
        this.drainer = Thread.ofVirtual().name("kiln-progress").start(this::drain);
    }

    @Override
    public void emit(BuildEvent event) {
        if (event == null || closed.get()) {
            return;
        }
        queue.add(new Stamped(event, clock.instant()));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.add(END);
        boolean interrupted = false;
        while (drainer.isAlive()) {
            try {
                drainer.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish writing the report first; the caller sees the interrupt after
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new KilnException("the progress display failed: " + failure.getMessage(), failure);
        }
    }

    private void drain() {
        long nextTick = System.nanoTime() + tickNanos;
        while (true) {
            Stamped next = pollUntil(nextTick);
            if (next == END) {
                break;
            }
            if (next != null) {
                guarded(() -> renderer.onEvent(next.event(), next.at()));
            }
            if (System.nanoTime() - nextTick >= 0) {
                guarded(() -> renderer.onTick(clock.instant()));
                nextTick = System.nanoTime() + tickNanos;
            }
        }
        guarded(() -> renderer.onClose(clock.instant()));
    }

    private Stamped pollUntil(long deadline) {
        try {
            return queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return null; // nobody interrupts this private thread; keep draining
        }
    }

    /** A renderer bug must not kill the drain loop (the queue would grow forever); close() reports it. */
    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
