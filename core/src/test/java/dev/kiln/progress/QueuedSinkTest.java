package dev.kiln.progress;

import static dev.kiln.progress.BuildEvent.Stream.STDOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.KilnException;
import dev.kiln.progress.BuildEvent.StepCompleted;
import dev.kiln.progress.BuildEvent.StepLog;
import dev.kiln.progress.BuildEvent.StepStarted;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QueuedSinkTest {
    private static final int STEPS = 300;
    private static final int LINES_PER_STEP = 40;
    private static final Pattern LOG = Pattern.compile("#(\\d+) \\d+\\.\\d+ step-(\\d+) line-(\\d+)");
    private static final Pattern HEADER = Pattern.compile("#(\\d+) \\[step (\\d+)] RUN work");
    private static final Pattern OTHER = Pattern.compile("#\\d+ (DONE \\d+\\.\\ds|\\.\\.\\.)");

    /** Each step on its own virtual thread: start, many lines, done. */
    private static void runSteps(ProgressSink sink) {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int step = 0; step < STEPS; step++) {
                int id = step;
                threads.submit(() -> {
                    sink.emit(new StepStarted(id, "[step " + id + "] RUN work", Instant.now()));
                    for (int line = 0; line < LINES_PER_STEP; line++) {
                        sink.emit(new StepLog(id, STDOUT, "step-" + id + " line-" + line));
                    }
                    sink.emit(new StepCompleted(id, Duration.ofMillis(id)));
                });
            }
        }
    }

    @Test
    void plainLosesNoEventAndNeverMixesLinesUnderConcurrentEmission() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ProgressSink sink = ProgressSinks.create("plain", err)) {
            runSteps(sink);
        }
        Map<String, String> numberToStep = new HashMap<>();
        Set<String> logLines = new HashSet<>();
        int done = 0;
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            Matcher log = LOG.matcher(line);
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                String previous = numberToStep.putIfAbsent(header.group(1), header.group(2));
                assertThat(previous).isIn(null, header.group(2));
            } else if (log.matches()) {
                assertThat(numberToStep.get(log.group(1))).as(line).isEqualTo(log.group(2));
                assertThat(logLines.add(log.group(2) + "/" + log.group(3))).as("printed once: " + line).isTrue();
            } else if (OTHER.matcher(line).matches()) {
                done += line.contains("DONE") ? 1 : 0;
            } else {
                assertThat(line).as("only blank lines are left").isEmpty();
            }
        }
        assertThat(numberToStep).hasSize(STEPS);
        assertThat(logLines).hasSize(STEPS * LINES_PER_STEP);
        assertThat(done).isEqualTo(STEPS);
    }

    @Test
    void jsonWritesEveryEventEmittedFromManyThreadsAsWholeLines() {
        StringWriter out = new StringWriter();
        try (ProgressSink sink = ProgressSinks.json(out, InstantSource.system())) {
            runSteps(sink);
        }
        List<BuildEvent> events = out.toString().lines().map(JsonEvents::read).toList();
        assertThat(events).hasSize(STEPS * (LINES_PER_STEP + 2));
        assertThat(events.stream().filter(StepLog.class::isInstance).map(e -> ((StepLog) e).line()).distinct())
                .hasSize(STEPS * LINES_PER_STEP);
    }

    @Test
    void emitNeverWaitsForASlowOutput() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StringWriter written = new StringWriter();
        Writer stuck = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                awaitQuietly(release);
                written.write(chars, offset, length);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        ProgressSink sink = ProgressSinks.json(stuck, InstantSource.system());
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            sink.emit(new StepLog(1, STDOUT, "line " + i));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(written.toString()).isEmpty(); // the output is still stuck, yet every emit returned
        release.countDown();
        sink.close();
        assertThat(written.toString().lines()).hasSize(10_000);
    }

    @Test
    void stampsEventsWithTheClockAtEmissionAndDropsEventsAfterClose() {
        FakeClock clock = new FakeClock();
        StringWriter out = new StringWriter();
        ProgressSink sink = ProgressSinks.plain(out, clock);
        sink.emit(new StepStarted(1, "[1/1] RUN echo hi", clock.instant()));
        clock.set(1_234);
        sink.emit(new StepLog(1, STDOUT, "hi"));
        clock.set(2_000);
        sink.emit(new StepCompleted(1, Duration.ofMillis(2_000)));
        sink.close();
        sink.emit(new StepLog(1, STDOUT, "late"));
        sink.close();

        assertThat(out.toString()).isEqualTo("""
                #1 [1/1] RUN echo hi
                #1 1.234 hi
                #1 DONE 2.0s
                """);
    }

    @Test
    void aFailingRendererIsReportedAtCloseAsAKilnException() {
        EventRenderer broken = new EventRenderer() {
            @Override
            public void onEvent(BuildEvent event, Instant at) {
                throw new IllegalStateException("renderer bug");
            }

            @Override
            public void onClose(Instant now) {}
        };
        ProgressSink sink = new QueuedSink(broken, InstantSource.system(), ProgressSinks.TICK);
        sink.emit(new BuildEvent.Warning("x"));
        assertThatThrownBy(sink::close).isInstanceOf(KilnException.class).hasMessageContaining("renderer bug");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
