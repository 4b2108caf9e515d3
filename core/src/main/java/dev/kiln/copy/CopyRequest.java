package dev.kiln.copy;

import dev.kiln.dockerfile.instructions.Add;
import dev.kiln.dockerfile.instructions.Chmod;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.HeredocSource;
import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;
import java.util.Optional;

/** COPY and ADD reduced to what the copy needs. */
record CopyRequest(boolean add, List<String> sources, List<HeredocSource> heredocs, String destination,
                   Optional<String> chown, Optional<Chmod> chmod, boolean link, boolean parents,
                   List<String> excludes, Optional<String> checksum, Optional<Boolean> unpack, SourceRange range) {

    static CopyRequest of(Copy c) {
        return new CopyRequest(false, c.sources(), c.inlineSources(), c.destination(), c.chown(), c.chmod(), c.link(),
                c.parents(), c.excludes(), Optional.empty(), Optional.empty(), c.range());
    }

    static CopyRequest of(Add a) {
        return new CopyRequest(true, a.sources(), a.inlineSources(), a.destination(), a.chown(), a.chmod(), a.link(),
                false, a.excludes(), a.checksum(), a.unpack(), a.range());
    }

    String keyword() {
        return add ? "ADD" : "COPY";
    }

    /** BuildKit runs {@code --link} on an empty destination, except with {@code --chmod}, where it falls back to a plain copy. */
    boolean linksOntoScratch() {
        return link && chmod.isEmpty();
    }
}
