package dev.kiln.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the plain printer knows about one step; touched only by the renderer's thread. */
final class PlainStep {
    /** The last printed state of one transfer, to print only meaningful changes. */
    record TransferMark(Instant firstSeen, Instant lastPrinted, long lastPrintedCurrent, boolean done) {}

    final int number;
    final String name;
    final Instant started;
    final List<String> pending = new ArrayList<>();
    final LogTail tail = new LogTail(10);
    final Map<String, TransferMark> transfers = new HashMap<>();
    /** When the oldest unprinted line arrived; null when nothing waits. */
    Instant waitingSince;
    /** CACHED, DONE 1.2s or ERROR: …; null while the step runs. */
    String ending;
    boolean endingPrinted;
    boolean headerPrinted;

    PlainStep(int number, String name, Instant started) {
        this.number = number;
        this.name = name;
        this.started = started;
        this.waitingSince = started;
    }

    void queue(String line, Instant at) {
        pending.add(line);
        markWaiting(at);
    }

    void end(String ending, Instant at) {
        if (this.ending == null) {
            this.ending = ending;
            markWaiting(at);
        }
    }

    boolean hasUnprinted() {
        return !headerPrinted || !pending.isEmpty() || (ending != null && !endingPrinted);
    }

    private void markWaiting(Instant at) {
        if (waitingSince == null) {
            waitingSince = at;
        }
    }
}
