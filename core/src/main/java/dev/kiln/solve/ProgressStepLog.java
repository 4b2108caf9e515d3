package dev.kiln.solve;

import dev.kiln.progress.BuildEvent;
import dev.kiln.progress.ProgressSink;
import dev.kiln.progress.Summary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Turns the engine's step reports into progress events, and gathers the end-of-build summary. */
public final class ProgressStepLog implements StepLog {
    private final ProgressSink sink;
    private final Clock clock;
    private final Instant start;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Integer> idOf = new LinkedHashMap<>();
    private final Map<String, Instant> startedAt = new LinkedHashMap<>();
    private final Map<String, String> stageOf = new LinkedHashMap<>();
    private final Map<String, List<Summary.StepSummary>> stages = new LinkedHashMap<>();

    public ProgressStepLog(ProgressSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
        this.start = clock.instant();
    }

    @Override
    public synchronized void started(String stage, String step) {
        int id = ids.incrementAndGet();
        idOf.put(step, id);
        var now = clock.instant();
        startedAt.put(step, now);
        stageOf.put(step, stage);
        if (!stage.equals(INTERNAL)) { // BuildKit's [internal] steps are not part of any stage's summary
            stages.computeIfAbsent(stage, s -> new ArrayList<>());
        }
        sink.emit(new BuildEvent.StepStarted(id, step, now));
    }

    @Override
    public void output(String step, String line) {
        Integer id;
        synchronized (this) {
            id = idOf.get(step);
        }
        if (id != null) {
            sink.emit(new BuildEvent.StepLog(id, BuildEvent.Stream.STDOUT, line));
        }
    }

    @Override
    public synchronized void cached(String stage, String step) {
        started(stage, step);
        sink.emit(new BuildEvent.StepCached(idOf.get(step)));
        summarize(step, new Summary.StepSummary(step, Duration.ZERO, true));
    }

    @Override
    public synchronized void done(String step) {
        var took = Duration.between(startedAt.get(step), clock.instant());
        sink.emit(new BuildEvent.StepCompleted(idOf.get(step), took));
        summarize(step, new Summary.StepSummary(step, took, false));
    }

    @Override
    public synchronized void failed(String step, String message) {
        var id = idOf.get(step);
        if (id != null) {
            sink.emit(new BuildEvent.StepFailed(id, message));
        }
    }

    private void summarize(String step, Summary.StepSummary summary) {
        var steps = stages.get(stageOf.get(step));
        if (steps != null) {
            steps.add(summary);
        }
    }

    @Override
    public synchronized void canceled(String step) {
        var id = idOf.get(step);
        if (id != null) {
            sink.emit(new BuildEvent.StepCanceled(id));
        }
    }

    /** Emits the summary of a build that finished, with its image if it made one. */
    public synchronized void finished(Optional<Summary.ImageSummary> image) {
        var stageSummaries = stages.entrySet().stream()
                .map(e -> new Summary.StageSummary(e.getKey(), e.getValue())).toList();
        sink.emit(new BuildEvent.BuildFinished(new Summary(stageSummaries, Duration.between(start, clock.instant()),
                image)));
    }
}
