package dev.kiln.copy;

import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.image.Digest;
import dev.kiln.image.layer.LayerEntry;
import java.nio.file.Path;
import java.util.List;

/**
 * COPY and ADD with BuildKit's semantics, turned into the entries of one layer. The sources
 * and destination of the (already expanded) instruction are read through read-only views on
 * disk; nothing is written but temporary files under {@code scratchDir}.
 *
 * <p>Errors are {@link InstructionException}s carrying the instruction's source range.
 */
public final class CopyOperation {
    private CopyOperation() {}

    /**
     * @param source      the build context, or the root filesystem of the {@code --from} stage
     * @param destination the stage's working directory and root before the step
     * @param scratchDir  where temporary files may go; the result deletes its own on close
     */
    public static CopyResult copy(Copy copy, CopySource source, Destination destination, Path scratchDir) {
        return run(CopyRequest.of(copy), source, destination, scratchDir, Downloads.none());
    }

    /**
     * ADD: like COPY plus archive unpacking and URL downloads, fetched through {@code downloads}, which
     * must stay open until the result's entries have been written.
     */
    public static CopyResult add(Add add, CopySource source, Destination destination, Path scratchDir,
                                 Downloads downloads) {
        return run(CopyRequest.of(add), source, destination, scratchDir, downloads);
    }

    /**
     * The cache digest of a COPY's selection: the entries it would produce on an empty
     * destination (chown names still resolved in {@code destination}'s user database).
     */
    public static Digest selectionDigest(Copy copy, CopySource source, Destination destination, Path scratchDir) {
        return selectionDigest(copy, source, destination, scratchDir, ContentDigests.STREAMED);
    }

    /** As above, with file contents hashed through {@code digests} (e.g. a {@link StatCache}). */
    public static Digest selectionDigest(Copy copy, CopySource source, Destination destination, Path scratchDir,
                                         ContentDigests digests) {
        try (CopyResult result = copy(copy, source, destination.withoutExistingContents(), scratchDir)) {
            return SelectionDigest.of(result.entries(), digests);
        }
    }

    /** The cache digest of an ADD's selection (downloads included), as {@link #selectionDigest(Copy, CopySource, Destination, Path)}. */
    public static Digest selectionDigest(Add add, CopySource source, Destination destination, Path scratchDir,
                                         Downloads downloads) {
        try (CopyResult result = add(add, source, destination.withoutExistingContents(), scratchDir, downloads)) {
            return SelectionDigest.of(result.entries(), ContentDigests.STREAMED);
        }
    }

    /** sha256 over the entries' paths, modes, owners, xattrs, link targets and file bytes; never times. */
    public static Digest selectionDigest(List<? extends LayerEntry> entries) {
        return SelectionDigest.of(entries, ContentDigests.STREAMED);
    }

    private static CopyResult run(CopyRequest request, CopySource source, Destination destination, Path scratchDir,
                                  Downloads downloads) {
        ScratchFiles scratch = new ScratchFiles(scratchDir);
        try {
            List<LayerEntry> entries = new CopyPlanner(request, source, destination, scratch, downloads).plan();
            return new CopyResult(entries, scratch);
        } catch (CopyException e) {
            scratch.close();
            InstructionException located = new InstructionException(request.range(), request.keyword() + ": " + e.getMessage());
            located.initCause(e);
            throw located;
        } catch (RuntimeException | Error e) {
            scratch.close();
            throw e;
        }
    }
}
