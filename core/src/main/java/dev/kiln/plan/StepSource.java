package dev.kiln.plan;

/** Where a {@code COPY --from} or {@code RUN --mount=from=} reads from. */
public sealed interface StepSource {
    /** Another stage of this Dockerfile. */
    record Stage(int index) implements StepSource {}

    /** An image named directly, e.g. {@code COPY --from=nginx:latest}. */
    record Image(String reference) implements StepSource {}
}
