package dev.kiln.copy;

import dev.kiln.image.Digest;
import dev.kiln.image.layer.ContentSource;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** The sha256 of a content source's bytes, streamed. */
final class ContentHash {
    private ContentHash() {}

    static String of(ContentSource content) {
        MessageDigest hash = Digest.Algorithm.SHA256.newMessageDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = content.open()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                hash.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new CopyException("cannot read " + content + " to hash it: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(hash.digest());
    }
}
