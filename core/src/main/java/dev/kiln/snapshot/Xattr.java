package dev.kiln.snapshot;

import java.util.Arrays;
import java.util.HexFormat;

/** One extended attribute; compared by value. */
public record Xattr(String name, byte[] value) {
    public Xattr {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xattr other && name.equals(other.name) && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return name + "=0x" + HexFormat.of().formatHex(value);
    }
}
