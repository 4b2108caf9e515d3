package dev.kiln.image.layer;

import java.util.List;

/**
 * What an extraction did.
 *
 * @param entries  tar entries processed (whiteouts included)
 * @param warnings things skipped on purpose, e.g. an xattr the file system refused
 */
public record ExtractionResult(long entries, List<String> warnings) {
    public ExtractionResult {
        warnings = List.copyOf(warnings);
    }
}
