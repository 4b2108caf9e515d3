package dev.kiln.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of processword-cases.json (transcribed from BuildKit's lex_test.go). */
class ProcessWordCasesTest {
    private static final Path FIXTURE = Path.of("../shared/conformance/shell/processword-cases.json");

    record Case(String id, String input, Map<String, String> env, JsonNode expect) {
        @Override
        public String toString() {
            return id + ": " + input;
        }
    }

    static List<Case> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(FIXTURE.toFile());
        assertThat(root.get("escape_token").asText()).isEqualTo("\\");
        return StreamSupport.stream(root.get("cases").spliterator(), false)
                .map(c -> new Case(c.get("id").asText(), c.get("input").asText(), env(c.get("env")), c.get("expect")))
                .toList();
    }

    private static Map<String, String> env(JsonNode node) {
        Map<String, String> env = new LinkedHashMap<>();
        node.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    @Test
    void readsTheWholeFixture() throws IOException {
        assertThat(cases()).hasSize(56);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void expandsLikeBuildKit(Case testCase) {
        ShellLexer lexer = new ShellLexer('\\');
        JsonNode expect = testCase.expect();
        if (expect.path("error").asBoolean(false)) {
            var thrown = assertThatThrownBy(() -> lexer.processWordWithMatches(testCase.input(), testCase.env()))
                    .isInstanceOf(ShellExpansionException.class);
            if (expect.has("error_contains")) {
                thrown.hasMessageContaining(expect.get("error_contains").asText());
            }
            return;
        }
        Expansion expansion = lexer.processWordWithMatches(testCase.input(), testCase.env());
        assertThat(expansion.result()).isEqualTo(expect.get("result").asText());
        assertThat(lexer.processWord(testCase.input(), testCase.env())).isEqualTo(expansion.result());
        if (expect.has("matched")) {
            assertThat(expansion.matched()).isEqualTo(names(expect.get("matched")));
        }
        if (expect.has("unmatched")) {
            assertThat(expansion.unmatched()).isEqualTo(names(expect.get("unmatched")));
        }
    }
}
