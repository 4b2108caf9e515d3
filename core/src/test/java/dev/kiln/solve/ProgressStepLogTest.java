package dev.kiln.solve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.progress.BuildEvent;
import dev.kiln.progress.ProgressSink;
import dev.kiln.progress.Summary;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

class ProgressStepLogTest {
    private final List<BuildEvent> events = new CopyOnWriteArrayList<>();
    private final ProgressSink sink = new ProgressSink() {
        @Override
        public void emit(BuildEvent event) {
            events.add(event);
        }

        @Override
        public void close() {}
    };

    @Test
    void internalStepsAreShownButBelongToNoStageOfTheSummary() {
        var log = new ProgressStepLog(sink, Clock.systemUTC());
        log.started(StepLog.INTERNAL, "[internal] load metadata for docker.io/library/busybox:latest");
        log.done("[internal] load metadata for docker.io/library/busybox:latest");
        log.started("build", "[build 1/2] FROM docker.io/library/busybox:latest@sha256:" + "0".repeat(64));
        log.done("[build 1/2] FROM docker.io/library/busybox:latest@sha256:" + "0".repeat(64));
        log.cached("build", "[build 2/2] RUN make");
        log.finished(Optional.empty());

        assertThat(events).filteredOn(BuildEvent.StepStarted.class::isInstance)
                .extracting(e -> ((BuildEvent.StepStarted) e).name())
                .first().isEqualTo("[internal] load metadata for docker.io/library/busybox:latest");
        var summary = ((BuildEvent.BuildFinished) events.getLast()).summary();
        assertThat(summary.stages()).extracting(Summary.StageSummary::name).containsExactly("build");
        assertThat(summary.stages().getFirst().steps()).extracting(Summary.StepSummary::cached)
                .containsExactly(false, true);
    }
}
