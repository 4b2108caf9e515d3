package dev.kiln.plan;

import static dev.kiln.plan.LintHarness.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checks of reading the file: they cover every stage, built or not. */
class ParseTimeChecksTest {

    @Test
    void consistentInstructionCasingNamesTheMinorityKeyword() {
        assertThat(warnings("""
                FROM scratch
                copy a /a
                COPY b /b
                """)).containsExactly(
                "2: ConsistentInstructionCasing: Command 'copy' should match the case of the command majority (uppercase)");
        assertThat(warnings("""
                frOM scratch AS base
                from scratch
                """)).containsExactly(
                "1: ConsistentInstructionCasing: Command 'frOM' should match the case of the command majority (lowercase)");
    }

    @Test
    void consistentInstructionCasingIgnoresArgsBeforeTheFirstFromAndCoversUnbuiltStages() {
        assertThat(warnings("""
                arg x=1
                arg y=2
                FROM scratch AS unused
                copy a /a
                COPY b /b
                FROM scratch
                COPY c /c
                """)).containsExactly(
                "4: ConsistentInstructionCasing: Command 'copy' should match the case of the command majority (uppercase)");
    }

    @Test
    void noEmptyContinuationPointsAtTheInstructionsLastLine() {
        assertThat(warnings("FROM scratch\nCOPY a \\\n\n  /a\nCOPY b \\\n  /b\n"))
                .containsExactly("4: NoEmptyContinuation: Empty continuation line");
    }

    @Test
    void reservedStageName() {
        assertThat(warnings("FROM scratch AS scratch\nFROM scratch AS context\nFROM scratch\n")).containsExactly(
                "1: ReservedStageName: Stage name should not use the same name as reserved stage \"scratch\"",
                "2: ReservedStageName: Stage name should not use the same name as reserved stage \"context\"");
    }

    @Test
    void duplicateStageName() {
        assertThat(warnings("FROM scratch AS b\nFROM scratch AS b\n"))
                .containsExactly("2: DuplicateStageName: Duplicate stage name \"b\", stage names should be unique");
    }

    @Test
    void stageNameCasingAndFromAsCasing() {
        assertThat(warnings("FROM scratch AS Base\nFROM scratch as other\nFROM scratch\n")).containsExactly(
                "1: StageNameCasing: Stage name 'Base' should be lowercase",
                "2: FromAsCasing: 'as' and 'FROM' keywords' casing do not match");
    }

    @Test
    void maintainerDeprecatedInAStageThatIsNotBuilt() {
        assertThat(warnings("FROM scratch AS unused\nMAINTAINER me\nFROM scratch\n"))
                .containsExactly("2: MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label");
    }

    @Test
    void invalidDefinitionDescriptionIsOffUnlessExperimentalNamesIt() {
        var dockerfile = """
                # bar is the bar
                ARG foo=bar
                # The base
                FROM scratch AS base
                # two of them
                ARG a=1 b=2
                # b is documented
                ARG a=1 b=2
                #
                ARG unexplained=1
                """;
        assertThat(warnings(dockerfile)).isEmpty();
        assertThat(warnings("# check=experimental=InvalidDefinitionDescription\n" + dockerfile)).containsExactly(
                "3: InvalidDefinitionDescription: Comment for ARG should follow the format: `# foo <description>`",
                "5: InvalidDefinitionDescription: Comment for FROM should follow the format: `# base <description>`",
                "7: InvalidDefinitionDescription: Comment for ARG should follow the format: `# <arg_key> <description>`");
    }

    @Test
    void experimentalRulesIgnoreSkipAll() {
        assertThat(warnings("# check=skip=all;experimental=all\n# nope\nARG foo\nFROM scratch\n")).containsExactly(
                "3: InvalidDefinitionDescription: Comment for ARG should follow the format: `# foo <description>`");
    }
}
