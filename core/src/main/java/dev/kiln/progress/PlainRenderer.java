package dev.kiln.progress;

import dev.kiln.progress.BuildEvent.BuildFinished;
import dev.kiln.progress.BuildEvent.BuildStarted;
import dev.kiln.progress.BuildEvent.StepCached;
import dev.kiln.progress.BuildEvent.StepCompleted;
import dev.kiln.progress.BuildEvent.StepCanceled;
import dev.kiln.progress.BuildEvent.StepFailed;
import dev.kiln.progress.BuildEvent.StepLog;
import dev.kiln.progress.BuildEvent.StepProgress;
import dev.kiln.progress.BuildEvent.StepStarted;
import dev.kiln.progress.BuildEvent.Warning;
import dev.kiln.progress.PlainStep.TransferMark;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BuildKit's {@code --progress=plain} log: {@code #N name}, {@code #N 0.512 output},
 * {@code #N DONE 1.2s}, groups separated by a blank line. Like BuildKit, it keeps printing the
 * step it is on and holds other steps' output back until that step ends or the held output is
 * {@link #SWITCH_DELAY} old; leaving a running step prints {@code #N ...}.
 */
final class PlainRenderer implements EventRenderer {
    static final Duration SWITCH_DELAY = Duration.ofSeconds(5);
    private static final Duration TRANSFER_REPRINT = Duration.ofSeconds(5);
    private static final double TRANSFER_MIN_DELTA = 0.05;

    private final PrintWriter out;
    private final Map<Integer, PlainStep> steps = new HashMap<>();
    private final List<PlainStep> inStartOrder = new ArrayList<>();
    private final List<PlainStep> endedUnprinted = new ArrayList<>();
    private final BuildReport report = new BuildReport();
    private PlainStep current;
    private boolean printedAny;

    PlainRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onEvent(BuildEvent event, Instant at) {
        switch (event) {
            case BuildStarted ignored -> {}
            case StepStarted s -> steps.computeIfAbsent(s.id(), id -> newStep(s.name(), s.at()));
            case StepCached c -> end(step(c.id(), at), "CACHED", at);
            case StepCompleted c -> end(step(c.id(), at), "DONE " + Units.seconds(c.duration(), 1) + "s", at);
            case StepFailed f -> fail(step(f.id(), at), f.message(), at);
            case StepCanceled c -> end(step(c.id(), at), "CANCELED", at);
            case StepLog l -> log(step(l.id(), at), l.line(), at);
            case StepProgress p -> transfer(step(p.id(), at), p, at);
            case Warning w -> report.warning(w.text());
            case BuildFinished f -> report.finished(f.summary());
        }
        flush(at, false);
    }

    @Override
    public void onTick(Instant now) {
        flush(now, false);
    }

    @Override
    public void onClose(Instant now) {
        flush(now, true);
        report.print(out);
    }

    private PlainStep newStep(String name, Instant started) {
        PlainStep step = new PlainStep(inStartOrder.size() + 1, name, started);
        inStartOrder.add(step);
        return step;
    }

    /** The step with this id; one the engine never started gets a stand-in name rather than being lost. */
    private PlainStep step(int id, Instant at) {
        return steps.computeIfAbsent(id, unknown -> newStep("step " + unknown, at));
    }

    private void end(PlainStep step, String ending, Instant at) {
        if (step.ending == null) {
            step.end(ending, at);
            endedUnprinted.add(step);
        }
    }

    private void fail(PlainStep step, String message, Instant at) {
        end(step, "ERROR: " + message, at);
        report.failed(step.name, step.tail.lines());
    }

    private void log(PlainStep step, String text, Instant at) {
        for (String line : LogText.lines(text)) {
            String stamped = LogText.timestamped(Duration.between(step.started, at), line);
            step.queue(stamped, at);
            step.tail.add(stamped);
        }
    }

    private void transfer(PlainStep step, StepProgress p, Instant at) {
        TransferMark last = step.transfers.get(p.what());
        Instant firstSeen = last == null ? at : last.firstSeen();
        if (last != null && !worthPrinting(last, p, at)) {
            return;
        }
        step.transfers.put(p.what(), new TransferMark(firstSeen, at, p.current(), p.done()));
        step.queue(TransferText.plain(p, Duration.between(firstSeen, at)), at);
    }

    private static boolean worthPrinting(TransferMark last, StepProgress p, Instant at) {
        if (last.done()) {
            return false;
        }
        if (p.done()) {
            return true;
        }
        double delta = p.total() > 0 ? (double) (p.current() - last.lastPrintedCurrent()) / p.total() : 0;
        return delta >= TRANSFER_MIN_DELTA
                || Duration.between(last.lastPrinted(), at).compareTo(TRANSFER_REPRINT) >= 0;
    }

    private void flush(Instant now, boolean everything) {
        if (current != null) {
            printContent(current);
        }
        for (PlainStep ended : endedUnprinted) {
            if (!ended.endingPrinted) {
                switchTo(ended);
                printContent(ended);
            }
        }
        endedUnprinted.clear();
        for (PlainStep next = oldestWaiting(); next != null; next = oldestWaiting()) {
            boolean mayLeaveCurrent = current == null || everything
                    || !now.isBefore(next.waitingSince.plus(SWITCH_DELAY));
            if (!mayLeaveCurrent) {
                break;
            }
            switchTo(next);
            printContent(next);
        }
        out.flush();
    }

    private PlainStep oldestWaiting() {
        PlainStep oldest = null;
        for (PlainStep step : inStartOrder) {
            if (step != current && step.hasUnprinted()
                    && (oldest == null || step.waitingSince.isBefore(oldest.waitingSince))) {
                oldest = step;
            }
        }
        return oldest;
    }

    private void switchTo(PlainStep step) {
        if (step == current) {
            return;
        }
        if (current != null) {
            out.print("#" + current.number + " ...\n");
        }
        if (printedAny) {
            out.print("\n");
        }
        printedAny = true;
        out.print("#" + step.number + " " + step.name + "\n");
        step.headerPrinted = true;
        current = step;
    }

    private void printContent(PlainStep step) {
        for (String line : step.pending) {
            out.print("#" + step.number + " " + line + "\n");
        }
        step.pending.clear();
        step.waitingSince = null;
        if (step.ending != null && !step.endingPrinted) {
            for (String line : LogText.lines(step.ending)) {
                out.print("#" + step.number + " " + line + "\n");
            }
            step.endingPrinted = true;
        }
        if (step.ending != null) {
            current = null;
        }
    }
}
