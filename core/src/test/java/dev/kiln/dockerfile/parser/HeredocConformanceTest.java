package dev.kiln.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.KilnException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transcribed heredoc and warning cases of parser/transcribed/. */
class HeredocConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void heredocExtractDumpMatchesGeneratedResult() {
        ParsedDockerfile parsed = parse("transcribed/heredoc-extract/Dockerfile");

        assertThat(NodeDump.dump(parsed) + "\n")
                .isEqualTo(ParserConformance.read("transcribed/heredoc-extract/result.generated"));
    }

    static Stream<Arguments> extractedHeredocs() throws Exception {
        JsonNode expected = json("transcribed/heredoc-extract/heredocs.json");
        var cases = new ArrayList<Arguments>();
        for (JsonNode child : expected.get("children")) {
            cases.add(Arguments.of(child.get("child").asInt(), child.get("heredocs")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "child {0}")
    @MethodSource("extractedHeredocs")
    void heredocExtractChild(int child, JsonNode expected) {
        Node node = parse("transcribed/heredoc-extract/Dockerfile").children().get(child);

        assertThat(node.heredocs()).isEqualTo(heredocs(expected));
    }

    @Test
    void heredocExtractHasExactlyTheListedChildren() throws Exception {
        int listed = json("transcribed/heredoc-extract/heredocs.json").get("children").size();

        assertThat(parse("transcribed/heredoc-extract/Dockerfile").children()).hasSize(listed + 1);
    }

    @Test
    void jsonFormNeverTakesHeredocs() throws Exception {
        ParsedDockerfile parsed = parse("transcribed/heredoc-json-form/Dockerfile");
        JsonNode expected = json("transcribed/heredoc-json-form/expected.json");

        assertThat(NodeDump.dump(parsed) + "\n")
                .isEqualTo(ParserConformance.read("transcribed/heredoc-json-form/result.generated"));
        for (JsonNode index : expected.get("children_without_heredocs")) {
            Node node = parsed.children().get(index.asInt());
            assertThat(node.heredocs()).as("child " + index).isEmpty();
            assertThat(node.json()).as("child " + index).isTrue();
        }
    }

    static Stream<String> validHeredocWords() throws Exception {
        return texts(json("transcribed/heredoc-words.json").at("/parse_heredoc_word/valid_name_EOF"));
    }

    static Stream<String> invalidHeredocWords() throws Exception {
        return texts(json("transcribed/heredoc-words.json").at("/parse_heredoc_word/invalid_error"));
    }

    static Stream<String> notHeredocWords() throws Exception {
        return texts(json("transcribed/heredoc-words.json").at("/parse_heredoc_word/not_heredoc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validHeredocWords")
    void validHeredocWord(String word) {
        assertThat(HeredocWords.parse(word)).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("EOF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHeredocWords")
    void invalidHeredocWord(String word) {
        assertThatThrownBy(() -> HeredocWords.parse(word)).isInstanceOf(KilnException.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("notHeredocWords")
    void notAHeredocWord(String word) {
        assertThat(HeredocWords.parse(word)).isEmpty();
    }

    static Stream<Arguments> heredocLines() throws Exception {
        var cases = new ArrayList<Arguments>();
        for (JsonNode c : json("transcribed/heredoc-words.json").at("/heredocs_from_line/cases")) {
            // where the reference returns something else than the upstream test lists, follow the reference
            JsonNode names = c.has("reference_returns") ? c.get("reference_returns") : c.get("names");
            cases.add(Arguments.of(c.get("line").asText(), texts(names).toList()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heredocLines")
    void heredocsFromLine(String line, List<String> names) {
        assertThat(HeredocWords.fromLine(line)).extracting(Heredoc::name).containsExactlyElementsOf(names);
    }

    @Test
    void chompRemovesLeadingTabs() throws Exception {
        JsonNode chomp = json("transcribed/heredoc-words.json").get("chomp");

        assertThat(HeredocWords.chomp(chomp.get("input").asText())).isEqualTo(chomp.get("expected").asText());
    }

    @Test
    void emptyContinuationLinesWarn() throws Exception {
        ParsedDockerfile parsed = parse("transcribed/empty-continuation/Dockerfile");
        JsonNode expected = json("transcribed/empty-continuation/expected.json").get("warnings");

        assertThat(NodeDump.dump(parsed) + "\n")
                .isEqualTo(ParserConformance.read("transcribed/empty-continuation/result.generated"));
        assertThat(parsed.warnings()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            String message = parsed.warnings().get(i).message();
            texts(expected.get(i).get("short_contains")).forEach(part -> assertThat(message).contains(part));
        }
        assertThat(parsed.warnings().getFirst().message())
                .contains(expected.get(0).get("detail_first_contains").asText());
    }

    @Test
    void emptyContinuationWarningPointsAtTheFirstBlankLine() {
        ParsedDockerfile parsed = parse("transcribed/empty-continuation/Dockerfile");

        assertThat(parsed.warnings()).extracting(w -> w.range().startLine()).containsExactly(8, 14);
    }

    private static List<Heredoc> heredocs(JsonNode expected) {
        if (expected.isNull()) {
            return List.of();
        }
        var list = new ArrayList<Heredoc>();
        for (JsonNode h : expected) {
            list.add(new Heredoc(h.get("Name").asText(), h.get("FileDescriptor").asInt(), h.get("Expand").asBoolean(),
                    h.get("Chomp").asBoolean(), h.get("Content").asText()));
        }
        return list;
    }

    private static ParsedDockerfile parse(String relative) {
        return DockerfileParser.parse("Dockerfile", ParserConformance.read(relative));
    }

    private static JsonNode json(String relative) throws Exception {
        return JSON.readTree(ParserConformance.read(relative));
    }

    private static Stream<String> texts(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(v -> values.add(v.asText()));
        return values.stream();
    }
}
