package dev.kiln.progress;

import dev.kiln.progress.TtyStep.State;
import dev.kiln.progress.TtyStep.Transfer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One frame of the live display, laid out as BuildKit's: a header {@code [+] Building 12.3s (7/9)},
 * a {@code  => name   1.2s} row per step (marked {@code CACHED}, {@code DONE} or {@code ERROR} once
 * over, and coloured then), {@code  => => sha256:… 1.05MB / 3.40MB} rows for transfers, and the running steps'
 * last output lines, dimmed, as {@code  => => # line}. Every row fits in {@code width - 1} columns so
 * the terminal never wraps it, and a frame that is not the last fits in {@code height - 2} rows.
 */
final class TtyFrame {
    static final String BLUE = "\u001B[34m";
    static final String RED = "\u001B[31m";
    static final String YELLOW = "\u001B[33m";
    static final String FAINT = "\u001B[2m";
    static final String RESET = "\u001B[0m";
    private static final String PREFIX = " => ";
    private static final int MIN_NAME_COLUMNS = 12;

    private record Group(TtyStep step, List<String> rows, List<String> output) {}

    private final int width;
    private final boolean color;

    TtyFrame(int width, boolean color) {
        this.width = Math.max(width, 20);
        this.color = color;
    }

    /** The frame's rows; {@code last} is the final frame: every step, no output tails, no height limit. */
    List<String> render(TtyState state, Instant now, int height, boolean last) {
        List<String> lines = new ArrayList<>();
        lines.add(header(state, now, last));
        List<Group> groups = new ArrayList<>();
        for (TtyStep step : state.steps) {
            groups.add(new Group(step, stepRows(step, now), last ? List.of() : outputRows(step)));
        }
        int limit = last || height <= 0 ? Integer.MAX_VALUE : Math.max(1, height - 2);
        lines.addAll(fit(groups, limit));
        return lines;
    }

    private String header(TtyState state, Instant now, boolean last) {
        int done = state.completedSteps();
        int total = state.totalSteps();
        String header = "[+] Building " + Units.seconds(state.buildTime(now), 1) + "s (" + done + "/" + total + ")";
        if (last && done > 0 && done == total) {
            header += " FINISHED";
        }
        return LogText.truncate(header, width - 1);
    }

    private List<String> stepRows(TtyStep step, Instant now) {
        List<String> rows = new ArrayList<>();
        String name = switch (step.state) {
            case CACHED -> "CACHED " + step.name;
            case FAILED -> "ERROR " + step.name;
            case CANCELED -> "CANCELED " + step.name;
            case DONE -> "DONE " + step.name; // BuildKit marks finished rows by colour alone; NO_COLOR needs a word
            case RUNNING -> step.name;
        };
        row(name, "", step.elapsed(now)).ifPresent(text -> rows.add(paint(step, text)));
        for (Transfer transfer : step.transfers.values()) {
            Duration took = Duration.between(transfer.started(), transferEnd(step, transfer, now));
            row("=> " + LogText.printable(transfer.last().what()), TransferText.amount(transfer.last()), took)
                    .ifPresent(text -> rows.add(paint(step, text)));
        }
        return rows;
    }

    /** A transfer that never reported its end stops its clock when its step ends. */
    private static Instant transferEnd(TtyStep step, Transfer transfer, Instant now) {
        if (transfer.finished() != null) {
            return transfer.finished();
        }
        return step.running() ? now : step.started.plus(step.duration);
    }

    private List<String> outputRows(TtyStep step) {
        if (!step.running()) {
            return List.of();
        }
        List<String> rows = new ArrayList<>();
        for (String line : step.recentOutput.lines()) {
            String text = LogText.truncate(PREFIX + "=> # " + line, width - 1);
            rows.add(color ? FAINT + text + RESET : text);
        }
        return rows;
    }

    /** {@code  => name status ... 1.2s}, padded to {@code width - 1}; empty when too narrow to be useful. */
    private Optional<String> row(String name, String status, Duration elapsed) {
        double seconds = Math.max(0, Units.toSeconds(elapsed));
        String timer = " " + Units.fixed(seconds < 0.05 ? 0 : seconds, 1) + "s";
        int nameColumns = width - PREFIX.length() - timer.length() - 2;
        boolean showStatus = !status.isEmpty() && nameColumns - status.length() - 1 >= MIN_NAME_COLUMNS;
        if (showStatus) {
            nameColumns -= status.length() + 1;
        }
        if (nameColumns < MIN_NAME_COLUMNS) {
            return Optional.empty();
        }
        String left = PREFIX + LogText.truncate(name, nameColumns) + (showStatus ? " " + status : "");
        int leftWidth = width - timer.length() - 2;
        int length = left.codePointCount(0, left.length());
        return Optional.of(left + " ".repeat(Math.max(0, leftWidth - length)) + " " + timer);
    }

    private String paint(TtyStep step, String text) {
        if (!color || step.running()) {
            return text;
        }
        var colour = switch (step.state) {
            case FAILED -> RED;
            case CANCELED -> YELLOW; // as BuildKit's display marks a canceled step
            default -> BLUE;
        };
        return colour + text + RESET;
    }

    /**
     * Makes the rows fit {@code limit}: first the oldest finished steps go, then the running steps'
     * output (oldest step first), then the oldest rows.
     */
    private static List<String> fit(List<Group> groups, int limit) {
        List<Group> kept = new ArrayList<>(groups);
        int rows = kept.stream().mapToInt(g -> g.rows().size() + g.output().size()).sum();
        for (int i = 0; i < kept.size() && rows > limit; ) {
            if (!kept.get(i).step().running()) {
                rows -= kept.remove(i).rows().size();
            } else {
                i++;
            }
        }
        for (int i = 0; i < kept.size() && rows > limit; i++) {
            Group group = kept.get(i);
            rows -= group.output().size();
            kept.set(i, new Group(group.step(), group.rows(), List.of()));
        }
        List<String> lines = new ArrayList<>();
        for (Group group : kept) {
            lines.addAll(group.rows());
            lines.addAll(group.output());
        }
        return lines.size() > limit ? lines.subList(lines.size() - limit, lines.size()) : lines;
    }
}
