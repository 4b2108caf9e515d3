package dev.kiln.cli.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The examples' size table, as the tests measure it: build stage, single-stage variant and final image,
 * each as unpacked file bytes (docker's SIZE) with the stored, compressed size beside it. Each test
 * writes its example's Markdown row to {@code cli/target/examples/sizes/NAME.md};
 * {@code examples/update-readme} puts the rows into {@code examples/README.md}.
 */
final class SizeTable {
    static final Path ROWS = Path.of("cli", "target", "examples", "sizes");

    record Row(String example, String buildStage, ImageContents build, Optional<ImageContents> single,
               ImageContents result) {
        String markdown() {
            return "| `%s` | `%s`: %s | %s | %s | %s |%n".formatted(example, buildStage, size(build),
                    single.map(SizeTable::size).orElse("—"), size(result),
                    ratio(result.unpackedSize(), build.unpackedSize()));
        }
    }

    private SizeTable() {}

    static void record(Row row) {
        try {
            Files.createDirectories(ROWS);
            Files.writeString(ROWS.resolve(row.example() + ".md"), row.markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String size(ImageContents image) {
        return "%s (%s stored)".formatted(human(image.unpackedSize()), human(image.storedSize()));
    }

    private static String ratio(long part, long whole) {
        return String.format(Locale.ROOT, part * 1000 < whole ? "%.2f %%" : "%.1f %%", 100.0 * part / whole);
    }

    /** Decimal units, as docker prints sizes. */
    static String human(long bytes) {
        String[] units = {"B", "kB", "MB", "GB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " B"
                : String.format(Locale.ROOT, value < 10 ? "%.2f %s" : "%.1f %s", value, units[unit]);
    }
}
