package dev.kiln.progress;

import java.io.PrintWriter;
import java.time.Instant;

/** {@code --progress=json}: every event as one line of JSON, in emission order (see {@link JsonEvents}). */
final class JsonRenderer implements EventRenderer {
    private final PrintWriter out;

    JsonRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onEvent(BuildEvent event, Instant at) {
        out.print(JsonEvents.write(event, at) + "\n");
        out.flush();
    }

    @Override
    public void onClose(Instant now) {
        out.flush();
    }
}
