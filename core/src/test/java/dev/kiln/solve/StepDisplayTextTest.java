package dev.kiln.solve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.dockerfile.instructions.Instructions;
import dev.kiln.dockerfile.parser.SourceRange;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Step names as BuildKit's frontend prints them (each checked against docker build --progress plain). */
class StepDisplayTextTest {
    private static final Map<String, String> VARIABLES = Map.of("V", "2", "E", "hello world");

    private static String shown(String instruction) {
        return shown(instruction, '\\');
    }

    private static String shown(String instruction, char escape) {
        return StepDisplayText.of(Instructions.parseTrigger(instruction, SourceRange.lines(1, 1)), VARIABLES, escape);
    }

    @Test
    void aRunKeepsQuotesAndUnsetVariablesAndExpandsTheRest() {
        assertThat(shown("RUN echo \"a$V\" '$V' $UNSET ${UNSET} ${UNSET:-d} ${V:+plus}   && echo $E \\\"q\\\""))
                .isEqualTo("RUN echo \"a2\" '$V' $UNSET ${UNSET} ${UNSET:-d} plus   && echo hello world \"q\"");
        assertThat(shown("RUN [\"echo\", \"$V\", \"${UNSET:-d}\"]")).isEqualTo("RUN [\"echo\", \"2\", \"${UNSET:-d}\"]");
    }

    @Test
    void aSecretsEnvironmentVariableIsShownMasked() {
        assertThat(shown("RUN --mount=type=secret,id=s,env=V echo $V ${E}"))
                .isEqualTo("RUN --mount=type=secret,id=s,env=V echo **** hello world");
    }

    @Test
    void copyAddAndWorkdirLoseQuotesAndUnsetVariablesButKeepTheirSpacing() {
        assertThat(shown("COPY --chmod=755 a.txt  b.txt /dst-$V/")).isEqualTo("COPY --chmod=755 a.txt  b.txt /dst-2/");
        assertThat(shown("COPY [\"a.txt\", \"/json-$V/\"]")).isEqualTo("COPY [a.txt, /json-2/]");
        assertThat(shown("ADD a.txt ${UNSET}/x")).isEqualTo("ADD a.txt /x");
        assertThat(shown("WORKDIR \"$E/sub\"")).isEqualTo("WORKDIR hello world/sub");
    }

    @Test
    void theKeywordIsUpperCasedAndTheEscapeDirectiveApplies() {
        assertThat(shown("run echo $V")).isEqualTo("RUN echo 2");
        assertThat(shown("RUN echo C:\\dir `$V $V", '`')).isEqualTo("RUN echo C:\\dir $V 2");
    }

    @Test
    void textThatDoesNotExpandIsShownAsWritten() {
        assertThat(shown("RUN echo ${} $V")).isEqualTo("RUN echo ${} $V");
    }
}
