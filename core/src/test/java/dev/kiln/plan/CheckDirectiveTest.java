package dev.kiln.plan;

import static dev.kiln.plan.LintHarness.warnings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.lint.LintViolationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code # check=skip=…}, {@code # check=error=true}, instruction comments and the build-arg override. */
class CheckDirectiveTest {
    private static final String CASING = "FROM scratch as base\ncopy a /a\n";

    @Test
    void skipNamesRulesOrAll() {
        assertThat(warnings("#check=skip=all\n" + CASING)).isEmpty();
        assertThat(warnings("#check=skip=ConsistentInstructionCasing,FromAsCasing\n" + CASING)).isEmpty();
        assertThat(warnings("# check=skip=ConsistentInstructionCasing\n" + CASING))
                .containsExactly("2: FromAsCasing: 'as' and 'FROM' keywords' casing do not match");
        assertThat(warnings("# check=skip=ConsistentInstructionCasing // a remark after a space\n" + CASING))
                .containsExactly("2: FromAsCasing: 'as' and 'FROM' keywords' casing do not match");
    }

    @Test
    void errorTrueFailsAfterTheWarningsNamingEachRuleOnce() {
        var dockerfile = "# check=skip=ConsistentInstructionCasing;error=true\n"
                + "FROM scratch as base\nFROM scratch as other\nFROM base\n";
        assertThatThrownBy(() -> warnings(dockerfile))
                .isInstanceOfSatisfying(LintViolationException.class, e -> {
                    assertThat(e.rules()).containsExactly("FromAsCasing");
                    assertThat(e.getMessage()).startsWith("lint violation found for rules: FromAsCasing");
                    assertThat(e.warnings()).extracting(w -> w.range().startLine() + ": " + w.message())
                            .containsExactly("2: FromAsCasing: 'as' and 'FROM' keywords' casing do not match",
                                    "3: FromAsCasing: 'as' and 'FROM' keywords' casing do not match");
                });
    }

    @Test
    void errorTrueWithNothingShownBuilds() {
        assertThat(warnings("#check=skip=all;error=true\n" + CASING)).isEmpty();
        assertThat(warnings("# check=error=true\nFROM scratch\nCOPY a /a\n")).isEmpty();
    }

    @Test
    void anInstructionsCommentSkipsForThatInstructionOnly() {
        assertThat(warnings("""
                FROM scratch
                # check=skip=LegacyKeyValueFormat
                ENV name value
                ENV other value
                # check=skip=all // local to the next instruction
                # and a second comment line
                WORKDIR rel
                """)).containsExactly("4: LegacyKeyValueFormat: \"ENV key=value\" should be used instead of legacy"
                + " \"ENV key value\" format");
    }

    @Test
    void aFromCommentCoversItsFromChecksNotTheStage() {
        assertThat(warnings("""
                # check=skip=RedundantTargetPlatform
                FROM --platform=$TARGETPLATFORM scratch
                ENV name value
                """)).containsExactly("3: LegacyKeyValueFormat: \"ENV key=value\" should be used instead of legacy"
                + " \"ENV key value\" format");
    }

    @Test
    void anInstructionCommentCannotTurnErrorOn() {
        assertThat(warnings("FROM scratch\n# check=error=true\nENV name value\n")).hasSize(1);
    }

    @Test
    void theBuildArgReplacesTheDirective() {
        assertThat(warnings("#check=error=true\n" + CASING, Map.of("BUILDKIT_DOCKERFILE_CHECK", "skip=all")))
                .isEmpty();
        assertThatThrownBy(() -> warnings("#check=skip=all\n" + CASING,
                Map.of("BUILDKIT_DOCKERFILE_CHECK", "skip=ConsistentInstructionCasing;error=true")))
                .isInstanceOf(LintViolationException.class)
                .hasMessageStartingWith("lint violation found for rules: FromAsCasing");
    }

    @Test
    void aBadDirectiveIsAnError() {
        assertThatThrownBy(() -> warnings("# check=skip=all;bogus=1\nFROM scratch\n"))
                .isInstanceOf(KilnException.class)
                .hasMessageStartingWith("failed to parse check options: invalid check option \"bogus\"");
        assertThatThrownBy(() -> warnings("# check=error=maybe\nFROM scratch\n"))
                .isInstanceOf(KilnException.class).hasMessageContaining("error=maybe");
    }

    @Test
    void eachOccurrenceIsAWarningOfItsOwn() {
        assertThat(warnings("FROM scratch\nCOPY $a $a /\n")).containsExactly(
                "2: UndefinedVar: Usage of undefined variable '$a'",
                "2: UndefinedVar: Usage of undefined variable '$a'");
    }
}
