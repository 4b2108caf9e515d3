package dev.kiln.solve;

import dev.kiln.image.Digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A step's cache key: the digest of its parent's key and of everything the step's result depends
 * on (the instruction as it runs, its variables, the content it reads) — never of mtimes or of
 * options that do not change the result.
 */
public record CacheKey(Digest digest) {

    public static Builder root(String kind) {
        return new Builder().add("kiln-cache-v1").add(kind);
    }

    public Builder child(String kind) {
        return new Builder().add(digest.toString()).add(kind);
    }

    @Override
    public String toString() {
        return digest.toString();
    }

    /** Feeds length-prefixed parts, so {@code ("ab","c")} and {@code ("a","bc")} differ. */
    public static final class Builder {
        private final MessageDigest sha256;

        private Builder() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public Builder add(String part) {
            var bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) ':');
            sha256.update(bytes);
            return this;
        }

        public Builder add(Iterable<String> parts) {
            int count = 0;
            for (var part : parts) {
                add(part);
                count++;
            }
            return add("#" + count);
        }

        public CacheKey build() {
            return new CacheKey(Digest.fromHash(Digest.Algorithm.SHA256, sha256.digest()));
        }
    }
}
