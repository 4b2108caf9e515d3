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
import dev.kiln.progress.TtyStep.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The build as the live display sees it: steps in start order, the build's start, the report. */
final class TtyState {
    final List<TtyStep> steps = new ArrayList<>();
    final BuildReport report = new BuildReport();
    private final Map<Integer, TtyStep> byId = new HashMap<>();
    private Instant buildStart;
    private int plannedSteps;

    void apply(BuildEvent event, Instant at) {
        if (buildStart == null) {
            buildStart = event instanceof StepStarted s ? s.at() : at;
        }
        switch (event) {
            case BuildStarted s -> {
                buildStart = s.at();
                plannedSteps = s.plannedSteps();
            }
            case StepStarted s -> byId.computeIfAbsent(s.id(), id -> newStep(s.name(), s.at()));
            case StepCached c -> step(c.id(), at).end(State.CACHED, Duration.ZERO);
            case StepCompleted c -> step(c.id(), at).end(State.DONE, c.duration());
            case StepFailed f -> fail(step(f.id(), at), at);
            case StepCanceled c -> {
                var step = step(c.id(), at);
                step.end(State.CANCELED, Duration.between(step.started, at));
            }
            case StepLog l -> log(step(l.id(), at), l.line(), at);
            case StepProgress p -> step(p.id(), at).transfer(p, at);
            case Warning w -> report.warning(w.text());
            case BuildFinished f -> report.finished(f.summary());
        }
    }

    Duration buildTime(Instant now) {
        return buildStart == null ? Duration.ZERO : Duration.between(buildStart, now);
    }

    int completedSteps() {
        return (int) steps.stream().filter(step -> !step.running()).count();
    }

    int totalSteps() {
        return Math.max(plannedSteps, steps.size());
    }

    private TtyStep newStep(String name, Instant started) {
        TtyStep step = new TtyStep(name, started);
        steps.add(step);
        return step;
    }

    private TtyStep step(int id, Instant at) {
        return byId.computeIfAbsent(id, unknown -> newStep("step " + unknown, at));
    }

    /** The message itself is the build error the CLI prints; the report shows the step's output. */
    private void fail(TtyStep step, Instant at) {
        step.end(State.FAILED, Duration.between(step.started, at));
        report.failed(step.name, step.errorTail.lines());
    }

    private void log(TtyStep step, String text, Instant at) {
        for (String line : LogText.lines(text)) {
            step.recentOutput.add(LogText.printable(line));
            step.errorTail.add(LogText.timestamped(Duration.between(step.started, at), line));
        }
    }
}
