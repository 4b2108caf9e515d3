package dev.kiln.dockerfile.instructions;

/** {@code RUN --network}. */
public enum NetworkMode { DEFAULT, NONE, HOST }
