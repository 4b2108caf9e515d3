package dev.kiln.dockerfile.ignore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of dockerignore/readall.tsv through {@link IgnoreFile#parse}. */
class ReadAllCasesTest {
    private static final Path FIXTURE = Path.of("../shared/conformance/dockerignore/readall.tsv");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Row(String id, String input, List<String> expected) {}

    static List<Row> rows() throws IOException {
        return Files.readAllLines(FIXTURE, StandardCharsets.UTF_8).stream().skip(1).map(line -> {
            String[] cells = line.split("\t", -1);
            try {
                return new Row(cells[0], JSON.readValue(cells[2], String.class),
                        JSON.readValue(cells[3], new TypeReference<List<String>>() {}));
            } catch (IOException e) {
                throw new IllegalStateException(line, e);
            }
        }).toList();
    }

    @Test
    void readsEveryRow() throws IOException {
        assertThat(rows()).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("rows")
    void parsesLikeReadAll(Row row) {
        List<String> patterns = row.input() == null ? List.of() : IgnoreFile.parse(row.input());
        assertThat(patterns).isEqualTo(row.expected());
    }

    @Test
    void stripsByteOrderMarkAndCarriageReturns() {
        assertThat(IgnoreFile.parse("\uFEFF# comment\r\n a/../b/ \r\n!  /c/./d\n  # not a comment\n"))
                .containsExactly("b", "!c/d", "# not a comment");
    }
}
