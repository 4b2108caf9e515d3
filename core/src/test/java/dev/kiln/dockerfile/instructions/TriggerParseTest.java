package dev.kiln.dockerfile.instructions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.dockerfile.parser.SourceRange;
import org.junit.jupiter.api.Test;

/** ONBUILD triggers read back from a base image's config, placed at the FROM line that uses the image. */
class TriggerParseTest {
    private static final SourceRange FROM_LINE = SourceRange.lines(4, 4);

    @Test
    void aTriggerBecomesItsInstructionAtTheFromLine() {
        var copy = (Copy) Instructions.parseTrigger("COPY --chown=app a.txt /dest/", FROM_LINE);
        assertThat(copy.sources()).containsExactly("a.txt");
        assertThat(copy.chown()).contains("app");
        assertThat(copy.range()).isEqualTo(FROM_LINE);
    }

    @Test
    void triggersThatCannotBeTriggersAreErrorsAtTheFromLine() {
        for (var bad : new String[] {"FROM busybox", "ONBUILD RUN true", "MAINTAINER me", "COPPY a /"}) {
            assertThatThrownBy(() -> Instructions.parseTrigger(bad, FROM_LINE)).as(bad)
                    .isInstanceOfSatisfying(InstructionException.class, e -> assertThat(e.range()).isEqualTo(FROM_LINE));
        }
    }
}
