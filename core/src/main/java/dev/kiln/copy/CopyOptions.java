package dev.kiln.copy;

import dev.kiln.image.layer.EntryAttributes;
import java.util.Optional;

/**
 * What every source of one COPY/ADD shares: the owner and mode rules, and the patterns that
 * select files under a source directory.
 *
 * @param includes {@code --parents} selection (null: everything)
 * @param excludes {@code --exclude} patterns (null: none)
 */
record CopyOptions(Optional<Owner> owner, ModeRule mode, ContextFilter includes, ContextFilter excludes) {

    /** Attributes of a directory created on the way (fsutil's MkdirAll). */
    EntryAttributes createdDirectory() {
        return EntryAttributes.of(mode.createdDirectoryMode(), owner.map(Owner::uid).orElse(0L),
                owner.map(Owner::gid).orElse(0L));
    }

    /** The owner an entry gets: {@code --chown}'s, or the source's own. */
    long uid(long sourceUid) {
        return owner.map(Owner::uid).orElse(sourceUid);
    }

    long gid(long sourceGid) {
        return owner.map(Owner::gid).orElse(sourceGid);
    }
}
