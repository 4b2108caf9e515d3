package dev.kiln.dockerfile.instructions;

/** {@code RUN --security}. */
public enum SecurityMode { SANDBOX, INSECURE }
