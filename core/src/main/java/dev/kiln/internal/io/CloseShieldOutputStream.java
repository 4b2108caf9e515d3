package dev.kiln.internal.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes writes through and turns {@code close} into {@code flush}, so a compressor or tar stream
 * can finish its own format without closing (and so discarding) the stream it writes into.
 */
public final class CloseShieldOutputStream extends FilterOutputStream {
    public CloseShieldOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
