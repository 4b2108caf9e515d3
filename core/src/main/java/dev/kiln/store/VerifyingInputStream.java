package dev.kiln.store;

import dev.kiln.image.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes what is read and, at end of stream, throws unless it matches the expected digest.
 * Wrap any stream whose bytes come from outside (a registry, an archive, a blob on disk).
 */
public final class VerifyingInputStream extends FilterInputStream {
    private final Digest expected;
    private final String what;
    private final MessageDigest hash;
    private boolean checked;

    public VerifyingInputStream(InputStream in, Digest expected, String what) {
        super(in);
        this.expected = expected;
        this.what = what;
        this.hash = expected.algorithm().newMessageDigest();
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            check();
        } else {
            hash.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            check();
        } else {
            hash.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // reads rather than skips, so the skipped bytes are hashed too
        byte[] buffer = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check() {
        if (checked) {
            return;
        }
        checked = true;
        Digest actual = Digest.fromHash(expected.algorithm(), hash.digest());
        if (!actual.equals(expected)) {
            throw new StoreException(what + " is corrupt: its content hashes to " + actual + ", not " + expected
                    + "; remove it and fetch it again");
        }
    }
}
