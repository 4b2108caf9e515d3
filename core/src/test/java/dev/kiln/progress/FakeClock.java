package dev.kiln.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand. */
final class FakeClock implements InstantSource {
    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);

    @Override
    public Instant instant() {
        return now.get();
    }

    Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    void set(long millis) {
        now.set(at(millis));
    }

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
