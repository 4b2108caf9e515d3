package dev.kiln.image.layer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic benchmark inputs: text-like bytes (compress ~4:1) or random ones (do not compress). */
final class Payloads {
    private Payloads() {
    }

    enum Kind { TEXT, RANDOM }

    static byte[] bytes(Kind kind, int size, long seed) {
        return switch (kind) {
            case RANDOM -> random(size, seed);
            case TEXT -> text(size, seed);
        };
    }

    private static byte[] random(int size, long seed) {
        byte[] out = new byte[size];
        var random = new SplittableRandom(seed);
        for (int i = 0; i < size; i += 8) {
            long v = random.nextLong();
            for (int j = 0; j < 8 && i + j < size; j++) {
                out[i + j] = (byte) (v >>> (8 * j));
            }
        }
        return out;
    }

    private static byte[] text(int size, long seed) {
        String[] words = {"layer", "kiln", "stage", "copy", "digest", "manifest", "registry", "build", "cache", "run"};
        var random = new SplittableRandom(seed);
        var text = new StringBuilder(size + 16);
        while (text.length() < size) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(1000))
                    .append(random.nextInt(12) == 0 ? '\n' : ' ');
        }
        return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code count} files of {@code fileSize} bytes each, in folders of 100, with their parent directories. */
    static List<LayerEntry> files(int count, int fileSize, Kind kind) {
        List<LayerEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 100 == 0) {
                entries.add(LayerEntry.directory("data/d%03d".formatted(i / 100), 0755));
            }
            entries.add(LayerEntry.file("data/d%03d/f%05d.txt".formatted(i / 100, i), 0644, bytes(kind, fileSize, i)));
        }
        entries.add(LayerEntry.directory("data", 0755));
        return entries;
    }
}
