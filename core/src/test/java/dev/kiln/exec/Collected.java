package dev.kiln.exec;

import java.util.ArrayList;
import java.util.List;

/** An output listener that keeps the lines, per stream. */
final class Collected implements OutputListener {
    final List<String> stdout = new ArrayList<>();
    final List<String> stderr = new ArrayList<>();

    @Override
    public synchronized void line(Stream stream, String text) {
        (stream == Stream.STDOUT ? stdout : stderr).add(text);
    }
}
