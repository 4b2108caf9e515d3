package dev.kiln.image;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Passes bytes through while hashing and counting them; {@link #digest()} is valid once writing is done. */
public final class DigestingOutputStream extends FilterOutputStream {
    private final Digest.Algorithm algorithm;
    private final MessageDigest hash;
    private long count;
    private Digest digest;

    public DigestingOutputStream(OutputStream out) {
        this(out, Digest.Algorithm.SHA256);
    }

    public DigestingOutputStream(OutputStream out, Digest.Algorithm algorithm) {
        super(out);
        this.algorithm = algorithm;
        this.hash = algorithm.newMessageDigest();
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        hash.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        hash.update(b, off, len);
        count += len;
    }

    public long count() {
        return count;
    }

    /** The digest of everything written; finishes the hash, so call it once writing is over. */
    public Digest digest() {
        if (digest == null) {
            digest = Digest.fromHash(algorithm, hash.digest());
        }
        return digest;
    }
}
