package dev.kiln.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Edge cases no conformance fixture covers. Each expected dump was checked against BuildKit's
 * parser (at the conformance commit) on the same input.
 */
class ParserBehaviourTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            too big for float64 falls back to shell form | FROM a\\nRUN [1e400]            | (run "[1e400]")
            lone surrogate escape becomes U+FFFD          | FROM a\\nRUN ["\\ud83d\\u0041"] | (run "\uFFFDA")
            flag quotes and escapes                       | FROM a\\nCOPY --a=b\\ c x       | (copy ["--a=b c"] "x")
            quoted -- ends the flags                      | FROM a\\nCOPY --"" x           | (copy "x")
            escape at end of flag                         | FROM a\\nCOPY --a\\             | (copy ["--a"])
            VT and FF split EXPOSE                        | FROM a\\nEXPOSE 1\u000b2\u000c3 | (expose "1" "2" "3")
            tabs around HEALTHCHECK type                  | FROM a\\nHEALTHCHECK\tCMD\t\ta b | (healthcheck "CMD" "a b")
            doubled escape is no continuation             | FROM a\\nRUN a \\\\              | (run "a \\\\\\\\")
            unknown instruction                           | FROM a\\nFOO bar baz           | (foo "")
            NEL after JSON is trimmed                     | FROM a\\nCMD ["a"]\u0085       | (cmd "a")
            ONBUILD with flags nests                      | FROM a\\nonbuild --x=1 copy --from=b a c | (onbuild ["--x=1"] (copy ["--from=b"] "a" "c"))
            """)
    void lastInstructionDumpsAsTheReferenceDoes(String name, String text, String lastDump) {
        ParsedDockerfile parsed = DockerfileParser.parse("Dockerfile", text.replace("\\n", "\n"));

        assertThat("(" + NodeDump.dump(parsed.children().getLast()) + ")").isEqualTo(lastDump);
    }

    @Test
    void crlfAndBomParseLikeLf() {
        String lf = "# escape=`\nFROM a\nRUN a `\n b\nCOPY <<E /x\nbody\nE\n";
        String crlf = "\uFEFF" + lf.replace("\n", "\r\n");

        ParsedDockerfile parsed = DockerfileParser.parse("Dockerfile", crlf);

        assertThat(NodeDump.dump(parsed)).isEqualTo(NodeDump.dump(DockerfileParser.parse("Dockerfile", lf)));
        assertThat(parsed.directives().escape()).isEqualTo('`');
        assertThat(parsed.children().get(2).heredocs().getFirst().content()).isEqualTo("body\r\n");
        assertThat(parsed.lines().getFirst()).isEqualTo("# escape=`");
    }

    @Test
    void directivesAreReadOnlyAtTheTop() {
        ParsedDockerfile parsed = DockerfileParser.parse("Dockerfile",
                "# check=skip=all\n# Syntax = docker/dockerfile:1 \n\n# escape=`\nFROM a\n");

        assertThat(parsed.directives().check()).contains("skip=all");
        assertThat(parsed.directives().syntax()).contains("docker/dockerfile:1");
        assertThat(parsed.directives().escape()).isEqualTo('\\');
    }

    @Test
    void heredocsUnderOnbuildAttachToTheOnbuildNode() {
        ParsedDockerfile parsed = DockerfileParser.parse("Dockerfile", "FROM a\nONBUILD RUN <<EOF\nhi\nEOF\nRUN b\n");

        Node onbuild = parsed.children().get(1);
        assertThat(onbuild.heredocs()).containsExactly(new Heredoc("EOF", 0, true, false, "hi\n"));
        assertThat(onbuild.next().heredocs()).isEmpty();
        assertThat(onbuild.range()).isEqualTo(new SourceRange(2, 1, 4, 3));
        assertThat(parsed.children().get(2).range().startLine()).isEqualTo(5);
    }

    @Test
    void chompedTerminatorMayBeIndentedWithTabsOnly() {
        ParsedDockerfile parsed = DockerfileParser.parse("Dockerfile", "FROM a\nRUN <<-EOF\n\tx\n\t EOF\n\tEOF\n");

        assertThat(parsed.children().get(1).heredocs().getFirst().content()).isEqualTo("\tx\n\t EOF\n");
        assertThat(parsed.children().get(1).range().endLine()).isEqualTo(5);
    }

    @Test
    void nodeKeepsFlagsArgsJsonAndOriginal() {
        Node run = DockerfileParser.parse("Dockerfile", "FROM a\n  RUN --mount=type=cache,target=/c [\"sh\", \"-c\"]\n")
                .children().get(1);

        assertThat(run.keyword()).isEqualTo("RUN");
        assertThat(run.flags()).containsExactly("--mount=type=cache,target=/c");
        assertThat(run.args()).containsExactly("sh", "-c");
        assertThat(run.json()).isTrue();
        assertThat(run.original()).isEqualTo("RUN --mount=type=cache,target=/c [\"sh\", \"-c\"]");
        assertThat(run.range()).isEqualTo(new SourceRange(2, 3, 2, 47));
    }

    @Test
    void lineOfExactlyTheMaximumSizeIsAccepted() {
        String text = "FROM a\nRUN " + "x".repeat(SourceLines.MAX_LINE_BYTES - 4) + "\n";

        assertThat(DockerfileParser.parse("Dockerfile", text).children()).hasSize(2);
    }

    @Test
    void quotingFollowsGo() {
        assertThat(NodeDump.quote("a\"b\\c\u0007\b\f\n\r\t\u000b\u0000\u001f\u007f\u00a0\u200b\u2665\uD83D\uDE00é"))
                .isEqualTo("\"a\\\"b\\\\c\\a\\b\\f\\n\\r\\t\\v\\x00\\x1f\\x7f\\u00a0\\u200b\u2665\uD83D\uDE00é\"");
        assertThat(NodeDump.quote("\uDB40\uDC01")).isEqualTo("\"\\U000e0001\"");
    }

    @Test
    void warningsAreEmptyForCleanFiles() {
        assertThat(DockerfileParser.parse("Dockerfile", "FROM a\nRUN a \\\n  # c\n  b\n").warnings()).isEqualTo(List.of());
    }
}
