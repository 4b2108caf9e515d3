package dev.kiln.progress;

import static dev.kiln.progress.BuildEvent.Stream.STDERR;
import static dev.kiln.progress.BuildEvent.Stream.STDOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.progress.BuildEvent.BuildFinished;
import dev.kiln.progress.BuildEvent.StepCached;
import dev.kiln.progress.BuildEvent.StepCompleted;
import dev.kiln.progress.BuildEvent.StepCanceled;
import dev.kiln.progress.BuildEvent.StepFailed;
import dev.kiln.progress.BuildEvent.StepLog;
import dev.kiln.progress.BuildEvent.StepProgress;
import dev.kiln.progress.BuildEvent.StepStarted;
import dev.kiln.progress.BuildEvent.Warning;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlainRendererTest {
    private final FakeClock clock = new FakeClock();
    private final StringWriter text = new StringWriter();
    private final PlainRenderer plain = new PlainRenderer(new PrintWriter(text));

    private void at(long millis, BuildEvent event) {
        plain.onEvent(event, clock.at(millis));
    }

    private void started(long millis, int id, String name) {
        at(millis, new StepStarted(id, name, clock.at(millis)));
    }

    @Test
    void sequentialBuildPrintsBuildKitGroupsThenWarningsAndSummary() {
        started(0, 101, "[internal] load build definition from Dockerfile");
        at(23, new StepCompleted(101, Duration.ofMillis(23)));
        started(30, 102, "[internal] load metadata for docker.io/library/golang:1.22");
        at(542, new StepCompleted(102, Duration.ofMillis(512)));
        started(600, 103, "[builder 1/2] FROM docker.io/library/golang:1.22");
        at(601, new StepCached(103));
        started(1_000, 104, "[builder 2/2] RUN go build");
        at(1_512, new StepLog(104, STDOUT, "compiling"));
        at(12_500, new StepLog(104, STDERR, "warning: x\nsecond line\n"));
        at(12_600, new StepCompleted(104, Duration.ofMillis(11_600)));
        at(12_610, new Warning("JSONArgsRecommended: JSON arguments recommended for CMD (line 4)"));
        at(12_650, new BuildFinished(Samples.summary()));
        plain.onClose(clock.at(12_700));

        assertThat(text.toString()).isEqualTo("""
                #1 [internal] load build definition from Dockerfile
                #1 DONE 0.0s

                #2 [internal] load metadata for docker.io/library/golang:1.22
                #2 DONE 0.5s

                #3 [builder 1/2] FROM docker.io/library/golang:1.22
                #3 CACHED

                #4 [builder 2/2] RUN go build
                #4 0.512 compiling
                #4 11.50 warning: x
                #4 11.50 second line
                #4 DONE 11.6s

                 1 warning found:
                 - JSONArgsRecommended: JSON arguments recommended for CMD (line 4)

                Summary: built in 12.7s
                 stage builder
                    0.0s  CACHED  [builder 1/2] FROM docker.io/library/golang:1.22
                   11.6s  DONE    [builder 2/2] RUN go build
                 stage stage-1
                    0.2s  DONE    [stage-1 1/1] COPY --from=builder /out/app /app
                 image %s  5.61MB
                    5.6MB  layer %s
                   2.05kB  layer %s
                 tagged docker.io/library/app:latest
                 tagged registry.local:5000/app:1.0
                """.formatted(Samples.IMAGE, Samples.BASE_LAYER, Samples.APP_LAYER));
    }

    @Test
    void concurrentStepsStayGroupedAndSwitchLikeBuildKit() {
        started(0, 10, "[stage-a 1/2] RUN a");
        started(100, 20, "[stage-b 1/2] RUN b");
        at(200, new StepLog(10, STDOUT, "a1"));
        at(300, new StepLog(20, STDOUT, "b1"));
        at(1_000, new StepCompleted(10, Duration.ofSeconds(1)));
        at(1_500, new StepLog(20, STDOUT, "b2"));
        started(2_000, 30, "[stage-a 2/2] RUN c");
        at(2_500, new StepLog(30, STDOUT, "c1"));
        plain.onTick(clock.at(6_999)); // #3 has waited less than five seconds: still on #2
        plain.onTick(clock.at(7_100));
        at(8_000, new StepLog(20, STDOUT, "b3"));
        at(9_000, new StepFailed(20, "process \"/bin/sh -c b\" did not complete successfully: exit code: 1"));
        at(9_500, new StepCompleted(30, Duration.ofMillis(7_500)));
        plain.onClose(clock.at(9_600));

        assertThat(text.toString()).isEqualTo("""
                #1 [stage-a 1/2] RUN a
                #1 0.200 a1
                #1 DONE 1.0s

                #2 [stage-b 1/2] RUN b
                #2 0.200 b1
                #2 1.400 b2
                #2 ...

                #3 [stage-a 2/2] RUN c
                #3 0.500 c1
                #3 ...

                #2 [stage-b 1/2] RUN b
                #2 7.900 b3
                #2 ERROR: process "/bin/sh -c b" did not complete successfully: exit code: 1

                #3 [stage-a 2/2] RUN c
                #3 DONE 7.5s
                ------
                 > [stage-b 1/2] RUN b:
                0.200 b1
                1.400 b2
                7.900 b3
                ------
                """);
    }

    @Test
    void aStepStoppedByAnotherStepsFailureIsCanceledAndNotReported() {
        started(0, 1, "[a 2/2] RUN exit 3");
        started(10, 2, "[b 2/2] RUN sleep 5");
        at(20, new StepLog(2, STDOUT, "started"));
        at(500, new StepFailed(1, "exit code 3"));
        at(510, new StepCanceled(2));
        plain.onClose(clock.at(600));

        assertThat(text.toString()).isEqualTo("""
                #1 [a 2/2] RUN exit 3
                #1 ERROR: exit code 3

                #2 [b 2/2] RUN sleep 5
                #2 0.010 started
                #2 CANCELED
                ------
                 > [a 2/2] RUN exit 3:
                ------
                """);
    }

    @Test
    void transfersPrintOnlyMeaningfulChangesAndTheirEnd() {
        started(0, 5, "[1/2] FROM docker.io/library/alpine:3.20");
        at(0, new StepProgress(5, "sha256:aaa", 0, 3_400_000));
        at(100, new StepProgress(5, "sha256:aaa", 100_000, 3_400_000)); // under 5% and 5s: not worth a line
        at(300, new StepProgress(5, "sha256:aaa", 1_050_000, 3_400_000));
        at(500, new StepProgress(5, "sha256:aaa", 3_400_000, 3_400_000));
        at(510, new StepProgress(5, "sha256:aaa", 3_400_000, 3_400_000)); // already reported done
        at(520, new StepProgress(5, "extracting sha256:aaa", 0, 0));
        at(600, new StepCompleted(5, Duration.ofMillis(600)));
        plain.onClose(clock.at(700));

        assertThat(text.toString()).isEqualTo("""
                #1 [1/2] FROM docker.io/library/alpine:3.20
                #1 sha256:aaa 0B / 3.40MB
                #1 sha256:aaa 1.05MB / 3.40MB 0.3s
                #1 sha256:aaa 3.40MB / 3.40MB 0.5s done
                #1 extracting sha256:aaa
                #1 DONE 0.6s
                """);
    }

    @Test
    void eventsForAStepNeverStartedAreShownUnderAStandInName() {
        at(0, new StepLog(7, STDOUT, "orphan"));
        at(10, new StepCompleted(7, Duration.ofMillis(10)));
        plain.onClose(clock.at(20));

        assertThat(text.toString()).isEqualTo("""
                #1 step 7
                #1 0.000 orphan
                #1 DONE 0.0s
                """);
    }
}
