package dev.kiln.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Rfc3339Test {
    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T12:30:00Z", "2024-05-01T12:30:00.5Z", "2024-05-01T12:30:00.123456789Z",
            "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T23:59:59+02:00", "2024-03-01T00:00:00.000001-05:30", "2015-10-21t07:28:00z"})
    void parsesWhatJavaTimeParses(String text) {
        assertThat(Rfc3339.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @Test
    void dropsFractionDigitsPastTheNinthAsGoDoes() {
        assertThat(Rfc3339.parse("2024-05-01T12:30:00.1234567891234Z"))
                .isEqualTo(Instant.parse("2024-05-01T12:30:00.123456789Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-05-01", "2024-05-01T12:30Z", "2024-05-01 12:30:00Z", "2024-05-01T12:30:00",
            "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:30:60Z",
            "2024-05-01T12:30:00.Z", "2024-05-01T12:30:00+0200", "2024-05-01T12:30:00+24:00", "24-05-01T12:30:00Z",
            "2024-05-01T12:30:00Zjunk", "+12024-05-01T12:30:00Z", "2024-5-01T12:30:00Z"})
    void refusesWhatIsNotRfc3339(String text) {
        assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeException.class).hasMessageContaining(text);
    }

    @Test
    void formatsUtcWithTheFractionTrimmedAndRoundTrips() {
        assertThat(Rfc3339.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Rfc3339.format(Instant.parse("2024-05-01T12:30:00.120Z"))).isEqualTo("2024-05-01T12:30:00.12Z");
        assertThat(Rfc3339.format(Instant.parse("0001-01-01T00:00:00.000000001Z"))).isEqualTo("0001-01-01T00:00:00.000000001Z");
        var random = new Random(3339);
        for (int i = 0; i < 2_000; i++) {
            var instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            var text = Rfc3339.format(instant);
            assertThat(text).isEqualTo(instant.toString().replace(".000Z", "Z").replaceAll("(\\.\\d*?)0+Z$", "$1Z"));
            assertThat(Rfc3339.parse(text)).isEqualTo(instant);
        }
    }

    @Test
    void refusesToFormatYearsGoCannotWrite() {
        assertThatThrownBy(() -> Rfc3339.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("outside 0000-9999");
        assertThatThrownBy(() -> Rfc3339.format(Instant.parse("-0001-12-31T23:59:59Z")))
                .isInstanceOf(ImageFormatException.class);
    }
}
