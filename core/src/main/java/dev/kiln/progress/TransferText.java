package dev.kiln.progress;

import dev.kiln.progress.BuildEvent.StepProgress;
import java.time.Duration;

/** A transfer's state as BuildKit words it: {@code sha256:ab… 1.05MB / 3.40MB 0.3s done}. */
final class TransferText {
    private TransferText() {}

    /** The amount part: {@code 1.05MB / 3.40MB}, {@code 512B} when the total is unknown, empty when nothing moved. */
    static String amount(StepProgress p) {
        if (p.total() > 0) {
            return Units.transferSize(p.current()) + " / " + Units.transferSize(p.total());
        }
        return p.current() != 0 ? Units.transferSize(p.current()) : "";
    }

    /** The plain printer's line, without the {@code #N} prefix. */
    static String plain(StepProgress p, Duration elapsed) {
        StringBuilder line = new StringBuilder(p.what());
        String amount = amount(p);
        if (!amount.isEmpty()) {
            line.append(' ').append(amount);
        }
        if (Units.toSeconds(elapsed) > 0.01) {
            line.append(' ').append(Units.seconds(elapsed, 1)).append('s');
        }
        if (p.done()) {
            line.append(" done");
        }
        return line.toString();
    }
}
