package dev.kiln.solve;

import java.util.ArrayDeque;
import java.util.List;

/** Keeps the last lines a step printed, for its error message; fed from two threads. */
final class OutputTail {
    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    OutputTail(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
