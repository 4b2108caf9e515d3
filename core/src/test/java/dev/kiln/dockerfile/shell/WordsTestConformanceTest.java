package dev.kiln.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every line of BuildKit's wordsTest through {@link ShellLexer#processWords}, with its ENV state. */
class WordsTestConformanceTest {
    private static final Path FIXTURE = Path.of("../shared/conformance/shell/wordsTest");

    record Case(int line, String input, List<String> expected, Map<String, String> env) {
        @Override
        public String toString() {
            return "line " + line + ": " + input + " -> " + expected;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        List<String> lines = Files.readAllLines(FIXTURE, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("ENV ")) {
                String assignment = line.substring(4).stripLeading();
                int equals = assignment.indexOf('=');
                env.put(assignment.substring(0, equals), assignment.substring(equals + 1));
                continue;
            }
            String[] sides = line.split("\\|", -1);
            if (sides.length != 2) {
                throw new IllegalStateException("fixture line " + (i + 1) + " needs exactly one |");
            }
            String expected = sides[1].replaceFirst("^ +", "");
            cases.add(new Case(i + 1, sides[0].strip(), List.of(expected.split(",", -1)), Map.copyOf(env)));
        }
        return cases;
    }

    @Test
    void readsTheWholeFixture() throws IOException {
        assertThat(cases()).hasSize(24);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void splitsLikeBuildKit(Case testCase) {
        ShellLexer lexer = new ShellLexer('\\');
        if (testCase.expected().equals(List.of("error"))) {
            assertThatThrownBy(() -> lexer.processWords(testCase.input(), testCase.env()))
                    .isInstanceOf(ShellExpansionException.class);
        } else {
            assertThat(lexer.processWords(testCase.input(), testCase.env())).isEqualTo(testCase.expected());
        }
    }
}
