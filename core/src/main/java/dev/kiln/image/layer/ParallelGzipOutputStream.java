package dev.kiln.image.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip on every core, pigz-style: the input is cut into fixed blocks, each block is deflated on
 * its own (primed with the previous block's last 32 KiB as dictionary) and ended with a sync
 * flush, and the pieces are joined in order into one gzip member whose CRC-32 is combined from
 * the blocks'. Each block's bytes depend only on the input, so the output is the same however the
 * threads run. At most {@code maxPending} blocks are in flight, so memory is bounded.
 *
 * <p>A block whose bytes are as good as random (already compressed files, encrypted data) is
 * stored rather than searched for matches: deflate could not shrink it, and searching costs
 * level 6 most of its time on such data. The test reads only the block, so output stays a function
 * of the input.
 */
final class ParallelGzipOutputStream extends OutputStream {
    static final int BLOCK_SIZE = 256 * 1024;
    private static final int DICTIONARY_SIZE = 32 * 1024;
    /** Bits per byte above which deflate's Huffman coding saves under 0.2 %: not worth a match search. */
    private static final double INCOMPRESSIBLE_ENTROPY = 7.985;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Deflating is CPU-bound: a small pool of platform threads, shared by all writers. */
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(CORES,
            Thread.ofPlatform().daemon().name("kiln-gzip-", 0).factory());
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}; // mtime 0, OS unknown

    private record Compressed(byte[] deflated, int crc, int length) {
    }

    private final OutputStream out;
    private final int level;
    private final int maxPending;
    private final ArrayDeque<Future<Compressed>> pending = new ArrayDeque<>();
    private byte[] block = new byte[BLOCK_SIZE];
    private int filled;
    private byte[] dictionary;
    private int crc;
    private long totalLength;
    private boolean headerWritten;
    private boolean closed;

    ParallelGzipOutputStream(OutputStream out, int level) {
        this.out = out;
        this.level = level;
        this.maxPending = 2 * CORES;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        while (len > 0) {
            if (filled == block.length) {
                submit(false); // only now is it known that this full block is not the last
            }
            int n = Math.min(len, block.length - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Finishes the gzip member and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            submit(true);
            while (!pending.isEmpty()) {
                writeOldest();
            }
            writeTrailer();
            closed = true;
            out.close();
        } finally {
            closed = true;
            pending.forEach(f -> f.cancel(true));
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] input = block;
        int length = filled;
        byte[] dict = dictionary;
        pending.add(WORKERS.submit(() -> compress(input, length, dict, last)));
        dictionary = Arrays.copyOfRange(input, Math.max(0, length - DICTIONARY_SIZE), length);
        block = new byte[BLOCK_SIZE];
        filled = 0;
        while (pending.size() > maxPending) {
            writeOldest();
        }
    }

    private Compressed compress(byte[] input, int length, byte[] dict, boolean last) {
        var crc32 = new CRC32();
        crc32.update(input, 0, length);
        int blockLevel = level != Deflater.NO_COMPRESSION && looksRandom(input, length) ? Deflater.NO_COMPRESSION : level;
        Deflater deflater = new Deflater(blockLevel, true);
        try {
            if (dict != null && dict.length > 0) {
                deflater.setDictionary(dict);
            }
            deflater.setInput(input, 0, length);
            var deflated = new ByteArrayOutputStream(length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    deflated.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                do { // a sync flush ends the block on a byte boundary so the next one can follow it
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    deflated.write(buffer, 0, n);
                } while (n == buffer.length);
            }
            return new Compressed(deflated.toByteArray(), (int) crc32.getValue(), length);
        } finally {
            deflater.end();
        }
    }

    /** Whether the bytes' order-0 entropy is so close to 8 bits that deflate cannot gain (blocks of 4 KiB up). */
    static boolean looksRandom(byte[] input, int length) {
        if (length < 4096) {
            return false;
        }
        int[] counts = new int[256];
        for (int i = 0; i < length; i++) {
            counts[input[i] & 0xff]++;
        }
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                entropy -= p * Math.log(p);
            }
        }
        return entropy / Math.log(2) >= INCOMPRESSIBLE_ENTROPY;
    }

    private void writeOldest() throws IOException {
        Compressed piece;
        try {
            piece = pending.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing a layer");
        } catch (ExecutionException e) {
            throw new IOException("gzip compression failed: " + e.getCause(), e.getCause());
        }
        if (!headerWritten) {
            out.write(HEADER);
            headerWritten = true;
        }
        out.write(piece.deflated());
        crc = Crc32Combine.combine(crc, piece.crc(), piece.length());
        totalLength += piece.length();
    }

    private void writeTrailer() throws IOException {
        byte[] trailer = new byte[8];
        putIntLittleEndian(trailer, 0, crc);
        putIntLittleEndian(trailer, 4, (int) totalLength); // ISIZE is the length modulo 2^32
        out.write(trailer);
    }

    private static void putIntLittleEndian(byte[] b, int at, int value) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }
}
