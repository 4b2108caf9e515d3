package dev.kiln.image.layer;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Permission bits (07777: rwx plus setuid, setgid, sticky), numeric owner and extended attributes
 * of one layer entry. Times are not here on purpose: layers are written with one fixed time.
 */
public record EntryAttributes(int mode, long uid, long gid, SortedMap<String, byte[]> xattrs) {
    public static final EntryAttributes ROOT_DIR = of(0755);
    public static final EntryAttributes ROOT_FILE = of(0644);

    public EntryAttributes {
        if ((mode & ~07777) != 0) {
            throw new LayerException("mode " + Integer.toOctalString(mode) + " has bits beyond 07777");
        }
        if (uid < 0 || gid < 0) {
            throw new LayerException("uid and gid must not be negative (uid " + uid + ", gid " + gid + ")");
        }
        xattrs = xattrs == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(xattrs));
    }

    /** {@code mode}, owned by root, no xattrs. */
    public static EntryAttributes of(int mode) {
        return new EntryAttributes(mode, 0, 0, null);
    }

    public static EntryAttributes of(int mode, long uid, long gid) {
        return new EntryAttributes(mode, uid, gid, null);
    }

    public EntryAttributes withXattrs(Map<String, byte[]> newXattrs) {
        return new EntryAttributes(mode, uid, gid, new TreeMap<>(newXattrs));
    }
}
