package dev.kiln.exec;

/** Receives a step's output line by line, as it is written; called from two threads, one per stream. */
@FunctionalInterface
public interface OutputListener {
    enum Stream { STDOUT, STDERR }

    void line(Stream stream, String text);
}
