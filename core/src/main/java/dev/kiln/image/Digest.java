package dev.kiln.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A content digest as the OCI spec writes it: {@code algorithm:hex}. Only the two registered
 * algorithms are accepted, and the hex part must be lower case and exactly as long as the
 * algorithm's output, so two equal digests always have equal strings.
 */
public record Digest(Algorithm algorithm, String hex) implements Comparable<Digest> {

    public enum Algorithm {
        SHA256("sha256", "SHA-256", 32),
        SHA512("sha512", "SHA-512", 64);

        private final String id;
        private final String jcaName;
        private final int bytes;

        Algorithm(String id, String jcaName, int bytes) {
            this.id = id;
            this.jcaName = jcaName;
            this.bytes = bytes;
        }

        public String id() {
            return id;
        }

        public int hexLength() {
            return bytes * 2;
        }

        public MessageDigest newMessageDigest() {
            try {
                return MessageDigest.getInstance(jcaName);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks " + jcaName, e);
            }
        }

        static Algorithm byId(String id) {
            for (Algorithm a : values()) {
                if (a.id.equals(id)) {
                    return a;
                }
            }
            return null;
        }
    }

    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != algorithm.hexLength() || !isLowerHex(hex)) {
            throw new ImageFormatException("invalid " + algorithm.id + " digest '" + hex + "': expected "
                    + algorithm.hexLength() + " lower-case hex characters");
        }
    }

    /** Parses {@code sha256:<64 hex>} or {@code sha512:<128 hex>}. */
    public static Digest parse(String text) {
        Objects.requireNonNull(text, "digest");
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new ImageFormatException("invalid digest '" + text + "': expected algorithm:hex, e.g. sha256:<64 hex>");
        }
        Algorithm algorithm = Algorithm.byId(text.substring(0, colon));
        if (algorithm == null) {
            throw new ImageFormatException("unsupported digest algorithm in '" + text + "': use sha256 or sha512");
        }
        return new Digest(algorithm, text.substring(colon + 1));
    }

    /** The sha256 digest of {@code bytes}. */
    public static Digest of(byte[] bytes) {
        return of(Algorithm.SHA256, bytes);
    }

    public static Digest of(Algorithm algorithm, byte[] bytes) {
        return fromHash(algorithm, algorithm.newMessageDigest().digest(bytes));
    }

    /** Wraps the raw output of a finished {@link MessageDigest} of {@code algorithm}. */
    public static Digest fromHash(Algorithm algorithm, byte[] hash) {
        return new Digest(algorithm, HexFormat.of().formatHex(hash));
    }

    /** The encoded part alone, as used for a blob's file name. */
    public String encoded() {
        return hex;
    }

    @Override
    public int compareTo(Digest other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return algorithm.id + ":" + hex;
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
