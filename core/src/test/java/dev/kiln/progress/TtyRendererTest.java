package dev.kiln.progress;

import static dev.kiln.progress.BuildEvent.Stream.STDOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.progress.BuildEvent.BuildFinished;
import dev.kiln.progress.BuildEvent.BuildStarted;
import dev.kiln.progress.BuildEvent.StepCached;
import dev.kiln.progress.BuildEvent.StepCompleted;
import dev.kiln.progress.BuildEvent.StepFailed;
import dev.kiln.progress.BuildEvent.StepLog;
import dev.kiln.progress.BuildEvent.StepProgress;
import dev.kiln.progress.BuildEvent.StepStarted;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TtyRendererTest {
    private static final String LONG_NAME = "[builder 2/2] RUN go build -trimpath -ldflags=-s -o /out/app ./cmd/app ./cmd/tool";

    private final FakeClock clock = new FakeClock();
    private final StringWriter text = new StringWriter();
    private final AtomicInteger width = new AtomicInteger(60);
    private final AtomicInteger height = new AtomicInteger(0);

    private TtyRenderer renderer(boolean color) {
        return new TtyRenderer(new PrintWriter(text), width::get, height::get, color);
    }

    private void at(TtyRenderer tty, long millis, BuildEvent event) {
        tty.onEvent(event, clock.at(millis));
    }

    private static List<String> visible(String frame) {
        return frame.lines().map(line -> line.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "")).toList();
    }

    /** A build mid-way: two steps over, one running with eight lines of output. */
    private TtyRenderer midBuild(boolean color) {
        TtyRenderer tty = renderer(color);
        at(tty, 0, new BuildStarted(clock.at(0), 4));
        at(tty, 0, new StepStarted(1, "[internal] load build definition from Dockerfile", clock.at(0)));
        at(tty, 20, new StepCompleted(1, Duration.ofMillis(20)));
        at(tty, 30, new StepStarted(2, "[builder 1/2] FROM docker.io/library/golang:1.22", clock.at(30)));
        at(tty, 31, new StepCached(2));
        at(tty, 1_000, new StepStarted(3, LONG_NAME, clock.at(1_000)));
        for (int i = 1; i <= 8; i++) {
            at(tty, 1_000 + i * 100, new StepLog(3, STDOUT, "output " + i));
        }
        return tty;
    }

    @Test
    void frameShowsHeaderStepsMarkersTimersAndTheLastSixOutputLines() {
        width.set(80);
        List<String> frame = visible(midBuild(false).frame(clock.at(2_500), false));

        assertThat(frame.get(0)).isEqualTo("[+] Building 2.5s (2/4)");
        assertThat(frame.get(1)).startsWith(" => DONE [internal] load build definition from Dockerfile").endsWith(" 0.0s");
        assertThat(frame.get(2)).startsWith(" => CACHED [builder 1/2] FROM docker.io/library/golang:1.22").endsWith(" 0.0s");
        assertThat(frame.get(3)).startsWith(" => [builder 2/2] RUN go build").endsWith(" 1.5s");
        assertThat(frame.subList(4, frame.size()))
                .containsExactly(" => => # output 3", " => => # output 4", " => => # output 5",
                        " => => # output 6", " => => # output 7", " => => # output 8");
    }

    @Test
    void everyRowFitsTheWidthAndLongNamesAreCut() {
        TtyRenderer tty = midBuild(false);
        for (int columns : new int[] {40, 60, 90}) {
            width.set(columns);
            List<String> frame = visible(tty.frame(clock.at(2_500), false));
            assertThat(frame).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns - 1));
            assertThat(frame.get(1)).hasSize(columns - 1); // step rows are padded so the timer is right-aligned
            assertThat(frame.get(3)).contains("[builder 2/2] RUN").doesNotContain("./cmd/tool");
        }
        width.set(200);
        assertThat(visible(tty.frame(clock.at(2_500), false)).get(3)).contains(LONG_NAME);
    }

    @Test
    void finishedStepsAreColouredAndOutputIsDimmed() {
        TtyRenderer tty = midBuild(true);
        at(tty, 2_600, new StepStarted(4, "[builder 2/2] RUN false", clock.at(2_600)));
        at(tty, 2_700, new StepFailed(4, "exit code: 1"));
        List<String> frame = tty.frame(clock.at(3_000), false).lines().toList();

        assertThat(frame.get(1)).startsWith(TtyFrame.BLUE + " => DONE [internal]").endsWith(TtyFrame.RESET);
        assertThat(frame.get(3)).startsWith(" => [builder 2/2] RUN go build"); // running: default colour
        assertThat(frame.get(4)).isEqualTo(TtyFrame.FAINT + " => => # output 3" + TtyFrame.RESET);
        assertThat(frame.getLast()).startsWith(TtyFrame.RED + " => ERROR [builder 2/2] RUN false");
    }

    @Test
    void transfersShowTheirAmountsUnderTheirStep() {
        TtyRenderer tty = renderer(false);
        at(tty, 0, new StepStarted(1, "[1/2] FROM docker.io/library/alpine:3.20", clock.at(0)));
        at(tty, 0, new StepProgress(1, "sha256:aaa", 0, 3_400_000));
        at(tty, 300, new StepProgress(1, "sha256:aaa", 1_050_000, 3_400_000));
        List<String> frame = visible(tty.frame(clock.at(400), false));

        assertThat(frame.get(2)).startsWith(" => => sha256:aaa 1.05MB / 3.40MB").endsWith(" 0.4s");
        width.set(30); // too narrow for the amount: the name keeps the room
        assertThat(visible(tty.frame(clock.at(400), false)).get(2)).startsWith(" => => sha256:aaa").doesNotContain("MB");

        at(tty, 500, new StepCompleted(1, Duration.ofMillis(500))); // the transfer never said it ended
        width.set(60);
        assertThat(visible(tty.frame(clock.at(5_000), false)).get(2)).endsWith(" 0.5s");
    }

    @Test
    void aShortTerminalKeepsRunningStepsAndDropsOldFinishedOnes() {
        TtyRenderer tty = renderer(false);
        for (int id = 1; id <= 10; id++) {
            at(tty, id, new StepStarted(id, "[stage " + id + "/11] RUN true", clock.at(id)));
            at(tty, id, new StepCompleted(id, Duration.ofMillis(1)));
        }
        at(tty, 20, new StepStarted(11, "[stage 11/11] RUN make", clock.at(20)));
        at(tty, 30, new StepLog(11, STDOUT, "building"));
        height.set(6);
        List<String> frame = visible(tty.frame(clock.at(1_000), false));

        assertThat(frame).hasSize(5);
        assertThat(frame.get(0)).isEqualTo("[+] Building 1.0s (10/11)");
        assertThat(frame.get(3)).contains("[stage 11/11] RUN make");
        assertThat(frame.get(4)).isEqualTo(" => => # building");
        assertThat(frame.get(1)).contains("[stage 9/11]");
    }

    @Test
    void closeDrawsTheFinalFrameInFullThenTheReport() {
        TtyRenderer tty = midBuild(false);
        height.set(3);
        at(tty, 3_000, new StepCompleted(3, Duration.ofMillis(2_000)));
        at(tty, 3_000, new StepStarted(4, "[stage-1 1/1] COPY --from=builder /out/app /app", clock.at(3_000)));
        at(tty, 3_250, new StepCompleted(4, Duration.ofMillis(250)));
        tty.onTick(clock.at(3_100));
        at(tty, 3_300, new BuildFinished(Samples.summary()));
        tty.onClose(clock.at(3_300));

        String out = text.toString();
        assertThat(out).contains("\u001B[?25l").contains("\u001B[2A"); // second frame moves up over the first
        String finalFrame = out.substring(out.lastIndexOf("[+] Building"));
        List<String> lines = visible(finalFrame);
        assertThat(lines.get(0)).isEqualTo("[+] Building 3.3s (4/4) FINISHED");
        assertThat(lines.subList(1, 5)).allSatisfy(line -> assertThat(line).startsWith(" => "));
        assertThat(finalFrame).doesNotContain("=> # output");
        assertThat(finalFrame).contains("Summary: built in 12.7s").contains("tagged docker.io/library/app:latest");
    }

    @Test
    void theLiveDisplayRedrawsOnItsOwnAboutTenTimesASecond() throws Exception {
        StringWriter out = new StringWriter();
        ProgressSink sink = ProgressSinks.tty(out, clock, () -> 60, () -> 0, false);
        sink.emit(new StepStarted(1, "[1/1] RUN sleep 1", clock.instant()));
        clock.set(1_000);
        Thread.sleep(600); // no events meanwhile: the ticks alone redraw with the clock's time
        String live = out.toString();
        sink.close();

        assertThat(live.split("\\[\\+] Building", -1).length - 1).isBetween(2, 10); // ~6 at 10 Hz; loose for a loaded machine
        assertThat(live).contains("[+] Building 1.0s (0/1)");
        assertThat(out.toString()).endsWith("\u001B[?25h"); // the final frame shows the cursor again
    }
}
