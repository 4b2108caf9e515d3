package dev.kiln.image.layer;

import java.io.OutputStream;

/** Counts what is written and keeps nothing, so a benchmark measures the writer, not a disk. */
final class NullOutputStream extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }

    long count() {
        return count;
    }
}
