package dev.kiln.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a build reports while it runs. A step is identified by an {@code id} the engine chooses
 * (unique within one build); every step begins with {@link StepStarted} and ends with exactly one of
 * {@link StepCached}, {@link StepCompleted}, {@link StepFailed} or {@link StepCanceled}. Renderers number steps in the
 * order they start, as BuildKit does, so ids need not be dense or ordered.
 */
public sealed interface BuildEvent {

    /** Optional first event: when the build began and how many steps it plans (0 when unknown). */
    record BuildStarted(Instant at, int plannedSteps) implements BuildEvent {
        public BuildStarted {
            Objects.requireNonNull(at, "at");
            if (plannedSteps < 0) throw new IllegalArgumentException("plannedSteps < 0: " + plannedSteps);
        }
    }

    /**
     * A step began. {@code name} is spelled as BuildKit does: {@code [builder 2/5] RUN go build},
     * {@code [internal] load metadata for docker.io/library/golang:1.22}.
     */
    record StepStarted(int id, String name, Instant at) implements BuildEvent {
        public StepStarted {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The step's result came from the build cache; the step is over. */
    record StepCached(int id) implements BuildEvent {}

    /** One line the step's process wrote, without its line terminator. */
    record StepLog(int id, Stream stream, String line) implements BuildEvent {
        public StepLog {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(line, "line");
        }
    }

    /**
     * Progress of one transfer inside a step (a layer pull, a push, the context upload), named by
     * {@code what} (for instance a layer digest). {@code total} is 0 when unknown; the transfer is
     * done when {@code current} reaches a known total.
     */
    record StepProgress(int id, String what, long current, long total) implements BuildEvent {
        public StepProgress {
            Objects.requireNonNull(what, "what");
        }

        public boolean done() {
            return total > 0 && current >= total;
        }
    }

    /** The step ran and succeeded, taking {@code duration}. */
    record StepCompleted(int id, Duration duration) implements BuildEvent {
        public StepCompleted {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** The step failed; {@code message} says why (e.g. the command and its exit code). */
    record StepFailed(int id, String message) implements BuildEvent {
        public StepFailed {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The step was stopped because another step failed or the build was interrupted; the step is over. */
    record StepCanceled(int id) implements BuildEvent {}

    /** A build-wide warning, such as a Dockerfile lint finding; renderers list them at the end. */
    record Warning(String text) implements BuildEvent {
        public Warning {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The build succeeded; the last event of a successful build. */
    record BuildFinished(Summary summary) implements BuildEvent {
        public BuildFinished {
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** The stream a {@link StepLog} line was written to. */
    enum Stream { STDOUT, STDERR }
}
