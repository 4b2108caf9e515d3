package dev.kiln.image.layer;

import dev.kiln.image.MediaType.Compression;
import dev.kiln.store.Store;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Run in a forked JVM by the tests: {@code big <store> <bytes> <compression>} writes one layer
 * with a generated file of that size and prints its digests and the peak heap;
 * {@code slow <store>} starts an endless slow layer so a test can kill the process mid-write.
 */
public final class LayerWriterMain {
    public static void main(String[] args) throws Exception {
        Store store = Store.open(Path.of(args[1]));
        boolean slow = args[0].equals("slow");
        long size = slow ? 1L << 40 : Long.parseLong(args[2]);
        Compression compression = slow ? Compression.GZIP : Compression.valueOf(args[3]);
        var entry = new LayerEntry.RegularFile("data/generated.bin", EntryAttributes.ROOT_FILE, generated(size, slow));
        LayerBlob layer = new LayerWriter(store.blobs(), new LayerOptions(compression, 0)).write(List.of(entry));
        System.out.println("digest=" + layer.descriptor().digest());
        System.out.println("diffid=" + layer.diffId());
        System.out.println("size=" + layer.descriptor().size());
        System.out.println("uncompressed=" + layer.uncompressedSize());
        System.out.println("peakheap=" + peakHeap());
    }

    /** Half random bytes, half text runs, generated on the fly so the source itself takes no memory. */
    static ContentSource generated(long size, boolean slow) {
        return new ContentSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                return new InputStream() {
                    final SplittableRandom random = new SplittableRandom(1);
                    long left = size;
                    boolean announced;

                    @Override
                    public int read() {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left == 0) {
                            return -1;
                        }
                        int n = (int) Math.min(Math.min(len, left), 8192);
                        if (random.nextBoolean()) {
                            byte[] noise = new byte[n];
                            random.nextBytes(noise);
                            System.arraycopy(noise, 0, b, off, n);
                        } else {
                            for (int i = 0; i < n; i++) {
                                b[off + i] = (byte) ('a' + (i % 26));
                            }
                        }
                        left -= n;
                        if (slow) {
                            pause(announced);
                            announced = true;
                        }
                        return n;
                    }
                };
            }
        };
    }

    private static void pause(boolean announced) {
        if (!announced) {
            System.out.println("writing");
            System.out.flush();
        }
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private LayerWriterMain() {
    }
}
