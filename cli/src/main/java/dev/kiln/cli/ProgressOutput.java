package dev.kiln.cli;

import dev.kiln.plan.BuildPlan;
import dev.kiln.progress.BuildEvent;
import dev.kiln.progress.ProgressMode;
import dev.kiln.progress.ProgressSink;
import dev.kiln.progress.ProgressSinks;
import dev.kiln.progress.Summary;
import dev.kiln.solve.BuildResult;
import dev.kiln.solve.ProgressStepLog;
import dev.kiln.store.Store;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The build's progress display: tty, plain, json or none (quiet) on standard error ({@code --progress}), fed by
 * the engine's step log, ending with the summary (stages, steps, image digest and layer sizes).
 */
final class ProgressOutput implements AutoCloseable {
    private final ProgressSink sink;
    private final ProgressStepLog log;

    private ProgressOutput(ProgressSink sink) {
        this.sink = sink;
        this.log = new ProgressStepLog(sink, Clock.systemUTC());
    }

    /** On the process's real stderr, {@code auto} may pick the live display; elsewhere (tests) it is plain. */
    static ProgressOutput open(String mode, PrintWriter err) {
        var parsed = ProgressMode.parse(mode);
        if (Main.writesToProcessStderr(err)) {
            return new ProgressOutput(ProgressSinks.create(mode, System.err));
        }
        return new ProgressOutput(ProgressSinks.lines(parsed, err, InstantSource.system()));
    }

    ProgressStepLog log() {
        return log;
    }

    void notice(String text) {
        sink.emit(new BuildEvent.Warning(text));
    }

    void warnings(BuildPlan plan) {
        plan.warnings().forEach(w -> sink.emit(new BuildEvent.Warning(
                (w.range() == null ? "" : plan.fileName() + ":" + w.range().startLine() + ": ") + w.message())));
    }

    void finished(BuildResult result, Store store, List<String> tags) {
        var layers = result.image().layers().stream()
                .map(l -> new Summary.LayerSummary(l.blob().digest(), l.blob().size())).toList();
        long size = result.config().size() + layers.stream().mapToLong(Summary.LayerSummary::size).sum();
        log.finished(Optional.of(new Summary.ImageSummary(result.manifest().digest(), size, layers, tags)));
    }

    @Override
    public void close() {
        sink.close();
    }
}
