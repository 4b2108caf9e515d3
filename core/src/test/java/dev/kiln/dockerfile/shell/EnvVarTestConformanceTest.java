package dev.kiln.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every A and U line of BuildKit's envVarTest through {@link ShellLexer#processWord}. */
class EnvVarTestConformanceTest {
    private static final Path FIXTURE = Path.of("../shared/conformance/shell/envVarTest");
    private static final Map<String, String> ENV = Map.of("PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", "");

    record Case(int line, String input, String expected) {
        @Override
        public String toString() {
            return "line " + line + ": " + input + " -> " + expected;
        }
    }

    static List<Case> cases() throws IOException {
        List<String> lines = Files.readAllLines(FIXTURE, StandardCharsets.UTF_8);
        return Stream.iterate(0, i -> i < lines.size(), i -> i + 1)
                .filter(i -> !lines.get(i).startsWith("#") && !lines.get(i).isBlank())
                .map(i -> toCase(i + 1, lines.get(i)))
                .filter(c -> c != null)
                .toList();
    }

    private static Case toCase(int lineNumber, String line) {
        String[] fields = line.strip().split("\\|", -1);
        if (fields.length != 3) {
            throw new IllegalStateException("fixture line " + lineNumber + " has " + fields.length + " fields");
        }
        String platform = fields[0].strip();
        return switch (platform) {
            case "A", "U" -> new Case(lineNumber, fields[1].strip(), fields[2].strip());
            case "W" -> null;
            default -> throw new IllegalStateException("unknown platform " + platform + " on line " + lineNumber);
        };
    }

    @Test
    void readsTheWholeFixture() throws IOException {
        assertThat(cases()).hasSize(228);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void expandsLikeBuildKit(Case testCase) {
        ShellLexer lexer = new ShellLexer('\\');
        if (testCase.expected().equals("error")) {
            assertThatThrownBy(() -> lexer.processWord(testCase.input(), ENV))
                    .isInstanceOf(ShellExpansionException.class)
                    .hasMessageStartingWith("failed to process ");
        } else {
            assertThat(lexer.processWord(testCase.input(), ENV)).isEqualTo(testCase.expected());
        }
    }
}
