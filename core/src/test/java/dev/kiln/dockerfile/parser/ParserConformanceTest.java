package dev.kiln.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.dockerfile.DockerfileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BuildKit's testfiles / testfiles-negative / testfile-line cases, read in place. */
class ParserConformanceTest {

    static List<Path> positiveCases() {
        return ParserConformance.cases("testfiles");
    }

    static List<Path> negativeCases() {
        return ParserConformance.cases("testfiles-negative");
    }

    @Test
    void allCasesArePresent() {
        assertThat(positiveCases()).hasSize(33);
        assertThat(negativeCases()).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positiveCases")
    void dumpMatchesResult(Path dir) {
        ParsedDockerfile parsed = DockerfileParser.parse("Dockerfile", ParserConformance.read(dir.resolve("Dockerfile")));

        assertThat(NodeDump.dump(parsed) + "\n").isEqualTo(ParserConformance.read(dir.resolve("result")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negativeCases")
    void negativeCaseIsRejected(Path dir) {
        String text = ParserConformance.read(dir.resolve("Dockerfile"));

        assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", text))
                .isInstanceOf(DockerfileException.class)
                .hasMessageStartingWith("Dockerfile:");
    }

    @Test
    void negativeCasesGiveTheReferenceMessages() {
        assertThatThrownBy(() -> parseCase("empty_dockerfile")).hasMessageContaining("file with no instructions");
        assertThatThrownBy(() -> parseCase("only_comments")).hasMessageContaining("file with no instructions");
        assertThatThrownBy(() -> parseCase("env_no_value")).hasMessageContaining("ENV must have two arguments");
        assertThatThrownBy(() -> parseCase("shykes-nested-json"))
                .hasMessageContaining("when using JSON array syntax, arrays must be comprised of strings only");
    }

    @Test
    void lineNumbersMatchTheTranscribedTable() {
        ParsedDockerfile parsed = DockerfileParser.parse("Dockerfile", ParserConformance.read("testfile-line/Dockerfile"));
        List<String> rows = ParserConformance.read("transcribed/line-numbers.tsv").lines().skip(1).toList();

        assertThat(parsed.children()).hasSize(rows.size() - 1);
        for (String row : rows) {
            String[] cells = row.split("\t");
            SourceRange range = cells[0].equals("root")
                    ? parsed.range()
                    : parsed.children().get(Integer.parseInt(cells[0].substring("child ".length()))).range();
            assertThat(range.startLine()).as(cells[0] + " start").isEqualTo(Integer.parseInt(cells[1]));
            assertThat(range.endLine()).as(cells[0] + " end").isEqualTo(Integer.parseInt(cells[2]));
        }
    }

    private static ParsedDockerfile parseCase(String name) {
        return DockerfileParser.parse("Dockerfile",
                ParserConformance.read(ParserConformance.ROOT.resolve("testfiles-negative").resolve(name).resolve("Dockerfile")));
    }
}
