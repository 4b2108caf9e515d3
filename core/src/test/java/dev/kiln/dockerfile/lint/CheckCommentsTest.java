package dev.kiln.dockerfile.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.parser.DockerfileParser;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckCommentsTest {

    @Test
    void commentsAboveAnInstructionAsBuildKitKeepsThem() {
        var parsed = DockerfileParser.parse("Dockerfile", """
                # check=skip=all
                # first

                # second
                FROM scratch
                # dropped
                #
                # kept
                RUN <<EOF
                # inside a heredoc
                EOF
                COPY a \\
                # inside a continuation
                  /a
                ENV a=1
                """);
        var comments = CheckComments.of(parsed);
        assertThat(comments.above(5)).containsExactly("first", "second");
        assertThat(comments.above(9)).containsExactly("kept");
        assertThat(comments.above(12)).isEmpty();
        assertThat(comments.above(15)).isEmpty();
    }

    @Test
    void theFirstCheckCommentAddsToTheFileOptions() {
        var parsed = DockerfileParser.parse("Dockerfile", """
                FROM scratch
                # note
                # check = skip=WorkdirRelativePath,UndefinedVar // why
                # check=skip=all
                WORKDIR a
                """);
        var comments = CheckComments.of(parsed);
        var options = comments.optionsAt(CheckOptions.parse("skip=JSONArgsRecommended;error=true"), 5);
        assertThat(options.skip()).isEqualTo(Set.of("JSONArgsRecommended", "WorkdirRelativePath", "UndefinedVar"));
        assertThat(options.skipAll()).isFalse();
        assertThat(options.error()).isTrue();
        assertThat(comments.optionsAt(CheckOptions.DEFAULT, Finding.FILE_SCOPE)).isEqualTo(CheckOptions.DEFAULT);
    }

    @Test
    void optionsParseAsBuildKitsDo() {
        var options = CheckOptions.parse(" skip = A, B ; experimental=all; error=1 ");
        assertThat(options.skip()).isEqualTo(Set.of("A", "B"));
        assertThat(options.experimentalAll()).isTrue();
        assertThat(options.error()).isTrue();
        assertThat(options.enabled(Rule.INVALID_DEFINITION_DESCRIPTION)).isTrue();
        assertThat(CheckOptions.DEFAULT.enabled(Rule.INVALID_DEFINITION_DESCRIPTION)).isFalse();
        assertThat(CheckOptions.parse("skip=all").enabled(Rule.UNDEFINED_VAR)).isFalse();
        assertThatThrownBy(() -> CheckOptions.parse("skip")).isInstanceOf(KilnException.class)
                .hasMessageStartingWith("invalid check option \"skip\"");
    }
}
