package dev.kiln.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0B", "999, 999B", "1000, 1kB", "2048, 2.05kB", "123456, 123kB", "5603000, 5.6MB",
        "999950, 1MB", "999499, 999kB", "1500000000, 1.5GB", "28230000, 28.2MB"})
    void humanSizesUseDockersDecimalUnitsAndThreeDigits(long bytes, String expected) {
        assertThat(Units.humanSize(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 0B", "512, 512B", "1000, 1.00kB", "1050000, 1.05MB", "3400000, 3.40MB", "28234567, 28.23MB"})
    void transferSizesUseTwoDecimalsAsBuildKitDoes(long bytes, String expected) {
        assertThat(Units.transferSize(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"250, 0.2", "350, 0.3", "450, 0.5", "1234, 1.2", "0, 0.0", "61960, 62.0"})
    void secondsRoundHalfEvenOnTheBinaryValueLikeGo(long millis, String expected) {
        assertThat(Units.seconds(Duration.ofMillis(millis), 1)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"512, 0.512 x", "9999, 9.999 x", "12500, 12.50 x", "150000, 150.0 x", "-5, 0.000 x"})
    void logTimestampsNarrowTheirDecimalsAsTheyGrow(long millis, String expected) {
        assertThat(LogText.timestamped(Duration.ofMillis(millis), "x")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(value = {"a|1", "a\\nb|2", "a\\n|1", "''|1", "a\\r\\nb\\r\\n|2"}, delimiter = '|')
    void logTextIsSplitIntoLines(String text, int lines) {
        assertThat(LogText.lines(text.replace("\\n", "\n").replace("\\r", "\r"))).hasSize(lines)
                .noneMatch(line -> line.contains("\r") || line.contains("\n"));
    }
}
