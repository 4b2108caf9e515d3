package dev.kiln.image.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks an (already decompressed) OCI layer tar into a directory, as containerd's
 * {@code archive.Apply} does: files, directories, symlinks, hardlinks, devices and fifos with
 * their owner, mode, times and xattrs, and OCI whiteouts per {@link ExtractionOptions#whiteouts()}.
 *
 * <p>Nothing is ever written outside the root: names with {@code ..} are rejected, absolute names
 * are taken relative to the root, no symlink is followed by the kernel while writing, symlinks whose
 * relative target climbs out of the root are rejected, and hardlinks must point at a file already
 * extracted inside it. A rejected layer raises {@link ExtractionException} naming the entry; the
 * root may then hold part of the layer, so callers extract into a fresh directory and discard it
 * on failure.
 */
public final class LayerExtractor {
    private final ExtractionOptions options;

    public LayerExtractor(ExtractionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Extracts the tar read from {@code tar} (not closed) into the existing directory {@code root}. */
    public ExtractionResult extract(InputStream tar, Path root) {
        return extract(new TarArchiveInputStream(tar), root);
    }

    /** Extracts every remaining entry of {@code tar} (not closed) into the existing directory {@code root}. */
    public ExtractionResult extract(TarArchiveInputStream tar, Path root) {
        ExtractionRoot extractionRoot;
        try {
            extractionRoot = new ExtractionRoot(root);
        } catch (IOException e) {
            throw ExtractionException.failed(".", e);
        }
        return new ExtractionRun(extractionRoot, options).run(tar);
    }
}
