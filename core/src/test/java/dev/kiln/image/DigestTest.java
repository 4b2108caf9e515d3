package dev.kiln.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DigestTest {
    @Test
    void computesSha256OfBytesLikeSha256sum() {
        // sha256sum of the three bytes "abc" (FIPS 180-2 test vector)
        Digest d = Digest.of("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(d.toString()).isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(d.algorithm()).isEqualTo(Digest.Algorithm.SHA256);
    }

    @Test
    void parsesAndPrintsBothAlgorithms() {
        String sha256 = "sha256:" + "a".repeat(64);
        String sha512 = "sha512:" + "0f".repeat(64);
        assertThat(Digest.parse(sha256).toString()).isEqualTo(sha256);
        assertThat(Digest.parse(sha512).algorithm()).isEqualTo(Digest.Algorithm.SHA512);
        assertThat(Digest.parse(sha512).encoded()).hasSize(128);
        assertThat(Digest.of(Digest.Algorithm.SHA512, new byte[0]).toString()).startsWith("sha512:cf83e135");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sha256", "sha256:", "md5:d41d8cd98f00b204e9800998ecf8427e",
            "sha256:ABCDEF0000000000000000000000000000000000000000000000000000000000",
            "sha256:abc", "sha256:" + "g000000000000000000000000000000000000000000000000000000000000000",
            "sha512:" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void rejectsMalformedDigestsWithAClearMessage(String text) {
        assertThatThrownBy(() -> Digest.parse(text))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("digest");
    }

    @Test
    void equalDigestsCompareEqual() {
        Digest a = Digest.parse("sha256:" + "1".repeat(64));
        assertThat(a).isEqualTo(Digest.parse(a.toString())).hasSameHashCodeAs(Digest.parse(a.toString()));
    }
}
