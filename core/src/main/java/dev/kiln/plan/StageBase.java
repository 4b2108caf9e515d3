package dev.kiln.plan;

/** What a stage starts from. */
public sealed interface StageBase {
    /** {@code FROM scratch}: an empty filesystem. */
    record Scratch() implements StageBase {}

    /** {@code FROM <earlier stage>}. */
    record FromStage(int index) implements StageBase {}

    /** {@code FROM <image reference>}, after ARG expansion. */
    record FromImage(String reference) implements StageBase {}
}
