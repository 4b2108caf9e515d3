package dev.kiln.progress;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * {@code --progress=tty}: events update a {@link TtyState}; each tick redraws the frame in place
 * (cursor up over the previous frame, rows rewritten, leftovers erased). At close the final frame
 * is drawn in full and the build report follows it as ordinary text.
 */
final class TtyRenderer implements EventRenderer {
    private static final String HIDE_CURSOR = "\u001B[?25l";
    private static final String SHOW_CURSOR = "\u001B[?25h";
    private static final String CLEAR_LINE_END = "\u001B[K";
    private static final String CLEAR_SCREEN_END = "\u001B[J";

    private final PrintWriter out;
    private final TtyState state = new TtyState();
    private final IntSupplier width;
    private final IntSupplier height;
    private final boolean color;
    private int drawnLines;

    /** {@code width} and {@code height} are asked before every frame, so a resized terminal is honoured. */
    TtyRenderer(PrintWriter out, IntSupplier width, IntSupplier height, boolean color) {
        this.out = out;
        this.width = width;
        this.height = height;
        this.color = color;
    }

    @Override
    public void onEvent(BuildEvent event, Instant at) {
        state.apply(event, at);
    }

    @Override
    public void onTick(Instant now) {
        draw(frameLines(now, false)); // redrawn even when no event came: the timers move
    }

    @Override
    public void onClose(Instant now) {
        draw(frameLines(now, true));
        state.report.print(out);
    }

    /** The frame at {@code now} as text, one row per line, for tests and for the final frame. */
    String frame(Instant now, boolean last) {
        return String.join("\n", frameLines(now, last));
    }

    private List<String> frameLines(Instant now, boolean last) {
        return new TtyFrame(width.getAsInt(), color).render(state, now, height.getAsInt(), last);
    }

    private void draw(List<String> lines) {
        StringBuilder frame = new StringBuilder(HIDE_CURSOR);
        if (drawnLines > 0) {
            frame.append("\u001B[").append(drawnLines).append('A');
        }
        frame.append('\r');
        for (String line : lines) {
            frame.append(line).append(CLEAR_LINE_END).append('\n');
        }
        if (lines.size() < drawnLines) {
            frame.append(CLEAR_SCREEN_END);
        }
        frame.append(SHOW_CURSOR);
        out.print(frame);
        out.flush();
        drawnLines = lines.size();
    }
}
