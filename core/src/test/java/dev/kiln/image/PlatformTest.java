package dev.kiln.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {
    @ParameterizedTest
    @CsvSource({
            "linux/amd64, linux/amd64",
            "linux/x86_64, linux/amd64",
            "linux/x86-64, linux/amd64",
            "linux/amd64/v1, linux/amd64",
            "linux/amd64/v3, linux/amd64/v3",
            "linux/aarch64, linux/arm64",
            "linux/arm64/v8, linux/arm64",
            "linux/arm64/v9.0, linux/arm64/v9",
            "linux/arm, linux/arm/v7",
            "linux/arm/6, linux/arm/v6",
            "linux/armhf, linux/arm/v7",
            "linux/armel, linux/arm/v6",
            "linux/i686, linux/386",
            "Linux/AMD64, linux/amd64",
            "arm64, linux/arm64",
            "macos/arm64, darwin/arm64",
            "windows/amd64, windows/amd64",
    })
    void normalisesLikeContainerd(String given, String expected) {
        assertThat(Platform.parse(given).toString()).isEqualTo(expected);
    }

    @Test
    void arm64AndItsV8VariantMatch() {
        assertThat(Platform.of("linux", "arm64", "v8").matches(Platform.parse("linux/aarch64"))).isTrue();
        assertThat(Platform.parse("linux/arm64").matches(Platform.parse("linux/amd64"))).isFalse();
        assertThat(Platform.parse("linux/arm/v6").matches(Platform.parse("linux/arm/v7"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "linux/", "/amd64", "linux/amd64/v8/extra", "linux amd64"})
    void rejectsMalformedSpecifiers(String text) {
        assertThatThrownBy(() -> Platform.parse(text)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("os/arch");
    }

    @Test
    void currentPlatformIsNormalisedAndLinuxHere() {
        Platform current = Platform.current();
        assertThat(current.os()).isEqualTo("linux");
        assertThat(current.architecture()).isIn("amd64", "arm64", "386", "arm", "ppc64le", "s390x", "riscv64");
        assertThat(current.matches(current.normalized())).isTrue();
    }
}
