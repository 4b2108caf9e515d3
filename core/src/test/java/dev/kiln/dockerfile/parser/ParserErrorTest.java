package dev.kiln.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.dockerfile.DockerfileException;
import org.junit.jupiter.api.Test;

/** Every parse error is a DockerfileException naming the best line and column available. */
class ParserErrorTest {

    private static DockerfileException failure(String text) {
        return catchThrowableOfType(DockerfileException.class, () -> DockerfileParser.parse("Dockerfile", text));
    }

    @Test
    void newFormEnvWordWithoutEquals() {
        DockerfileException e = failure("FROM a\nENV a=b \\\n    c\n");

        assertThat(e.range().startLine()).isEqualTo(3);
        assertThat(e.range().startColumn()).isEqualTo(5);
        assertThat(e).hasMessageStartingWith("Dockerfile:3:5: Syntax error - can't find = in \"c\"")
                .hasMessageContaining("3 | c");
    }

    @Test
    void oldFormEnvWithoutValue() {
        DockerfileException e = failure("FROM a\n  ENV key\n");

        assertThat(e.range()).isEqualTo(new SourceRange(2, 7, 2, 7));
        assertThat(e).hasMessageContaining("ENV must have two arguments").hasMessageContaining("2 | ENV key");
    }

    @Test
    void labelWithoutValue() {
        assertThat(failure("FROM a\nLABEL key\n")).hasMessageContaining("LABEL must have two arguments");
    }

    @Test
    void jsonArrayWithNonString() {
        DockerfileException e = failure("FROM a\nHEALTHCHECK --interval=5s CMD [\"a\", [\"b\"]]\n");

        assertThat(e.range()).isEqualTo(new SourceRange(2, 31, 2, 31));
        assertThat(e).hasMessageContaining("arrays must be comprised of strings only");
    }

    @Test
    void jsonErrorInsideOnbuild() {
        DockerfileException e = failure("FROM a\nONBUILD RUN [1]\n");

        assertThat(e.range().startColumn()).isEqualTo(13);
    }

    @Test
    void repeatedDirective() {
        DockerfileException e = failure("# syntax=a\n# SYNTAX=b\nFROM a\n");

        assertThat(e.range().startLine()).isEqualTo(2);
        assertThat(e).hasMessageContaining("only one syntax parser directive can be used");
    }

    @Test
    void invalidEscapeToken() {
        DockerfileException e = failure("# escape=x\nFROM a\n");

        assertThat(e.range().startLine()).isEqualTo(1);
        assertThat(e).hasMessageContaining("invalid escape token 'x' does not match ` or \\");
    }

    @Test
    void unterminatedHeredocPointsAtItsInstruction() {
        DockerfileException e = failure("FROM a\n\n RUN <<EOF\necho hi\n");

        assertThat(e.range()).isEqualTo(new SourceRange(3, 2, 3, 2));
        assertThat(e).hasMessageContaining("unterminated heredoc").hasMessageContaining("'EOF'");
    }

    @Test
    void heredocWithUnbalancedQuoteInItsWord() {
        // the expansion's text is split into words again, so <<c" becomes a word of its own,
        // and its terminator c" has an unbalanced quote (BuildKit fails the same way)
        DockerfileException e = failure("FROM a\nRUN ${a:-\"b <<c\"}\nx\n");

        assertThat(e.range().startLine()).isEqualTo(2);
        assertThat(e).hasMessageContaining("double-quote");
    }

    @Test
    void lineTooLong() {
        DockerfileException e = failure("FROM a\nRUN " + "x".repeat(SourceLines.MAX_LINE_BYTES) + "\n");

        assertThat(e.range().startLine()).isEqualTo(2);
        assertThat(e).hasMessageContaining("dockerfile line greater than max allowed size of 65535");
    }

    @Test
    void lineTooLongCountsUtf8BytesAndCarriageReturn() {
        assertThat(failure("FROM a\nRUN " + "é".repeat(32766) + "\n")).isNotNull();
        assertThat(failure("FROM a\nRUN " + "x".repeat(65531) + "\r\n")).isNotNull();
    }

    @Test
    void noInstructions() {
        assertThat(failure("# just a comment\n\n").range().startLine()).isEqualTo(2);
        assertThat(failure("")).hasMessageStartingWith("Dockerfile:1:1: file with no instructions");
    }
}
