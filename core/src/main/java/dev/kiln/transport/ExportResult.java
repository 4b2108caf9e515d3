package dev.kiln.transport;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * What an export made, for {@code --metadata-file}: for image outputs the manifest descriptor,
 * config digest and names (BuildKit's {@code containerimage.*} and {@code image.name}); for file
 * outputs ({@code local}, {@code tar}) nothing.
 */
public record ExportResult(Optional<Descriptor> manifest, Optional<Digest> configDigest, List<ImageReference> names) {
    public ExportResult {
        names = List.copyOf(names);
    }

    public static ExportResult image(Descriptor manifest, Digest configDigest, List<ImageReference> names) {
        return new ExportResult(Optional.of(manifest), Optional.of(configDigest), names);
    }

    public static ExportResult filesOnly() {
        return new ExportResult(Optional.empty(), Optional.empty(), List.of());
    }
}
