package dev.kiln.dockerfile.ignore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.KilnException;
import dev.kiln.internal.paths.GoPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of dockerignore/cases.tsv, through every API the row names. */
class DockerIgnoreCasesTest {
    private static final Path FIXTURE = Path.of("../shared/conformance/dockerignore/cases.tsv");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IGNORE_FILE_NOTE = Pattern.compile("\\((\\S+\\.dockerignore), content");

    record Row(String id, List<String> apis, String platform, List<String> patterns, String path, String expected,
               String note) {
        @Override
        public String toString() {
            return id + " " + apis + " " + patterns + " " + path + " -> " + expected;
        }
    }

    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(FIXTURE, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("id\tsource\tapis\tplatform\tpatterns\tpath\texpected\tnote");
        return lines.stream().skip(1).map(DockerIgnoreCasesTest::row).toList();
    }

    private static Row row(String line) {
        String[] cells = line.split("\t", -1);
        try {
            return new Row(cells[0], List.of(cells[2].split(",")), cells[3],
                    JSON.readValue(cells[4], new TypeReference<List<String>>() {}),
                    JSON.readValue(cells[5], String.class), cells[6], cells[7]);
        } catch (IOException e) {
            throw new IllegalStateException("bad fixture row " + line, e);
        }
    }

    @Test
    void readsEveryRowAndNoneIsWindowsOnly() throws IOException {
        assertThat(rows()).hasSize(149).allSatisfy(row -> assertThat(row.platform()).isIn("A", "U"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void matchesLikePatternMatcher(Row row, @TempDir Path tempDir) throws IOException {
        for (String api : row.apis()) {
            Answer answer = switch (api) {
                case "Matches", "MatchesOrParentMatches" -> attempt(() -> compile(row).matches(row.path()));
                case "MatchesUsingParentResult", "MatchesUsingParentResults" -> attempt(() -> walkTo(compile(row), row.path()));
                case "MatchesUsingParentResults-nocontext" ->
                        attempt(() -> compile(row).matchesUsingParentResults(row.path(), MatchState.NONE).excluded());
                case "build-context" -> attempt(() -> buildContext(row, tempDir));
                default -> throw new IllegalStateException("unknown api " + api);
            };
            assertThat(answer.text()).as(api).isEqualTo(row.expected());
        }
    }

    private static PatternMatcher compile(Row row) {
        return PatternMatcher.compile(row.patterns());
    }

    /** Feeds the ancestors top-down, as upstream's test does, then the path itself. */
    private static boolean walkTo(PatternMatcher matcher, String path) {
        MatchState state = MatchState.NONE;
        String parent = GoPath.dir(path);
        if (!parent.equals(".")) {
            String[] dirs = parent.split("/", -1);
            for (int i = 0; i < dirs.length; i++) {
                state = matcher.matchesUsingParentResults(String.join("/", List.of(dirs).subList(0, i + 1)), state);
            }
        }
        return matcher.matchesUsingParentResults(path, state).excluded();
    }

    /** Writes the context the integration test had, loads the ignore file for real and walks it. */
    private static boolean buildContext(Row row, Path context) throws IOException {
        for (String file : List.of("Dockerfile", "foo", "bar", "baz", "bay")) {
            Files.writeString(context.resolve(file), file);
        }
        String content = "\n" + String.join("\n", row.patterns()) + "\n";
        Matcher named = IGNORE_FILE_NOTE.matcher(row.note());
        Path dockerfile = context.resolve("Dockerfile");
        if (named.find()) {
            String ignoreName = named.group(1);
            dockerfile = context.resolve(ignoreName.substring(0, ignoreName.length() - ".dockerignore".length()));
            Files.writeString(dockerfile, "FROM scratch\n");
            Files.writeString(context.resolve(ignoreName), content);
        } else {
            Files.writeString(context.resolve(".dockerignore"), content);
        }
        PatternMatcher matcher = DockerIgnore.load(context, dockerfile);
        List<String> kept = ContextWalk.keptFiles(context, matcher);
        assertThat(Files.exists(context.resolve(row.path()))).isTrue();
        return !kept.contains(row.path());
    }

    private record Answer(String text) {}

    private interface Check {
        boolean run() throws IOException;
    }

    private static Answer attempt(Check check) throws IOException {
        try {
            return new Answer(Boolean.toString(check.run()));
        } catch (KilnException e) {
            return new Answer("error");
        }
    }

    @Test
    void badPatternFailsAgainOnASecondCall() {
        PatternMatcher matcher = PatternMatcher.compile(List.of("[Local-Only]/"));
        assertThatThrownBy(() -> matcher.matches("x")).isInstanceOf(IgnorePatternException.class);
        assertThatThrownBy(() -> matcher.matches("x")).isInstanceOf(IgnorePatternException.class);
    }
}
