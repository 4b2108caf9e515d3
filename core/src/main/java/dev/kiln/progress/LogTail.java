package dev.kiln.progress;

import java.util.ArrayDeque;
import java.util.List;

/** The last few lines of a step's output, oldest first. */
final class LogTail {
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final int capacity;

    LogTail(int capacity) {
        this.capacity = capacity;
    }

    void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
