package dev.kiln.dockerfile.instructions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChmodTest {

    @ParameterizedTest
    @CsvSource({
            "0755, 0644, false, 0755",
            "7777, 0, false, 07777",
            "u+x, 0644, false, 0744",
            "'u+x,g-w', 0664, false, 0744",
            "a=r, 0777, false, 0444",
            "go-rwx, 0755, false, 0700",
            "+x, 0644, false, 0755",
            "a+X, 0644, false, 0644",
            "a+X, 0644, true, 0755",
            "a+X, 0744, false, 0755",
            "g=u, 0740, false, 0770",
            "u+s, 0755, false, 04755",
            "+t, 0777, true, 01777",
            "o=, 0777, false, 0770",
    })
    void appliesOctalAndSymbolicModes(String text, String current, boolean directory, String expected) {
        int result = new Chmod(text).applyTo(Integer.parseInt(current, 8), directory);
        assertThat(Integer.toOctalString(result)).isEqualTo(Integer.toOctalString(Integer.parseInt(expected, 8)));
    }

    @ParameterizedTest
    @CsvSource({"0755, true", "u+x, false", "644, true"})
    void tellsOctalFromSymbolic(String text, boolean octal) {
        assertThat(new Chmod(text).isOctal()).isEqualTo(octal);
    }
}
