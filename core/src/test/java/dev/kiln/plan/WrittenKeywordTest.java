package dev.kiln.plan;

import static dev.kiln.plan.LintHarness.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages quote the keyword as written, ONBUILD triggers of a base stage included. */
class WrittenKeywordTest {

    @Test
    void lowerCaseKeywordsAreQuotedAsWritten() {
        assertThat(warnings("from scratch\ncmd run\ncmd run\n")).containsExactly(
                "2: JSONArgsRecommended: JSON arguments recommended for cmd to prevent unintended behavior related"
                        + " to OS signals",
                "2: MultipleInstructionsDisallowed: Multiple cmd instructions should not be used in the same stage"
                        + " because only the last one will be used",
                "3: JSONArgsRecommended: JSON arguments recommended for cmd to prevent unintended behavior related"
                        + " to OS signals");
    }

    @Test
    void aTriggerOfTheBaseStageIsCheckedInTheStageThatRunsIt() {
        assertThat(warnings("FROM scratch AS base\nONBUILD Env name value\nFROM base\n")).containsExactly(
                "2: LegacyKeyValueFormat: \"Env key=value\" should be used instead of legacy \"Env key value\" format");
    }
}
