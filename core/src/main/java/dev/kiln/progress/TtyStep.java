package dev.kiln.progress;

import dev.kiln.progress.BuildEvent.StepProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the live display knows about one step; touched only by the renderer's thread. */
final class TtyStep {
    enum State { RUNNING, CACHED, DONE, FAILED, CANCELED }

    /** A transfer's latest report, when it was first seen and when it finished. */
    record Transfer(StepProgress last, Instant started, Instant finished) {}

    static final int VISIBLE_LOG_LINES = 6;
    static final int ERROR_LOG_LINES = 10;

    final String name;
    final Instant started;
    final LogTail recentOutput = new LogTail(VISIBLE_LOG_LINES);
    final LogTail errorTail = new LogTail(ERROR_LOG_LINES);
    final Map<String, Transfer> transfers = new LinkedHashMap<>();
    State state = State.RUNNING;
    Duration duration = Duration.ZERO;

    TtyStep(String name, Instant started) {
        this.name = LogText.printable(name);
        this.started = started;
    }

    boolean running() {
        return state == State.RUNNING;
    }

    void end(State ending, Duration took) {
        if (running()) {
            state = ending;
            duration = took.isNegative() ? Duration.ZERO : took;
        }
    }

    void transfer(StepProgress p, Instant at) {
        Transfer previous = transfers.get(p.what());
        Instant firstSeen = previous == null ? at : previous.started();
        transfers.put(p.what(), new Transfer(p, firstSeen, p.done() ? at : null));
    }

    Duration elapsed(Instant now) {
        return running() ? Duration.between(started, now) : duration;
    }
}
