package dev.kiln.plan;

import static dev.kiln.plan.LintHarness.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks of FROM lines: every stage, built or not. */
class FromChecksTest {

    @Test
    void undefinedArgInFromSuggestsADeclaredName() {
        assertThat(warnings("ARG MY_TAG=1\nFROM busybox:${MYTAG}x AS a\nFROM scratch\n")).containsExactly(
                "2: UndefinedArgInFrom: FROM argument 'MYTAG' is not declared (did you mean MY_TAG?)");
        assertThat(warnings("ARG DEBUG\nFROM --platform=$BUILDPLATFORM scratch${DEBUG}\n"))
                .isEmpty();
    }

    @Test
    void redundantTargetPlatformQuotesThePlatformAsWritten() {
        assertThat(warnings("FROM --platform=${TARGETPLATFORM} scratch\n")).containsExactly(
                "1: RedundantTargetPlatform: Setting platform to predefined ${TARGETPLATFORM} in FROM is redundant"
                        + " as this is the default behavior");
        assertThat(warnings("FROM --platform=$BUILDPLATFORM scratch\n")).isEmpty();
    }

    @Test
    void fromPlatformFlagConstDisallowedUnlessTheStageNameMentionsThePlatform() {
        assertThat(warnings("FROM --platform=linux/amd64 scratch AS unused\nFROM scratch\n")).containsExactly(
                "1: FromPlatformFlagConstDisallowed: FROM --platform flag should not use constant value \"linux/amd64\"");
        assertThat(warnings("FROM --platform=linux/arm64 scratch AS build_arm64\n")).isEmpty();
        assertThat(warnings("FROM --platform=linux/arm64 scratch AS linux\n")).isEmpty();
    }

    @Test
    void invalidDefaultArgInFromUsesTheDefaultsNotTheBuildArgs() {
        assertThat(warnings("ARG VERSION\nFROM busybox:$VERSION\n", Map.of("VERSION", "latest"))).containsExactly(
                "2: InvalidDefaultArgInFrom: Default value for ARG busybox:$VERSION results in empty or invalid"
                        + " base image name");
        assertThat(warnings("ARG IMAGE\nFROM $IMAGE\n", Map.of("IMAGE", "busybox"))).containsExactly(
                "2: InvalidDefaultArgInFrom: Default value for ARG $IMAGE results in empty or invalid base image name");
        assertThat(warnings("ARG VERSION=latest\nFROM busybox:${VERSION}\n")).isEmpty();
        assertThat(warnings("ARG VARIANT=\"\"\nFROM busybox:stable${VARIANT}\n", Map.of("VARIANT", "-musl")))
                .isEmpty();
    }

    @Test
    void fromChecksCoverStagesTheTargetDoesNotNeed() {
        assertThat(warnings("FROM --platform=linux/amd64 scratch AS a\nFROM scratch AS b\n", Map.of(), List.of(),
                "b")).containsExactly(
                "1: FromPlatformFlagConstDisallowed: FROM --platform flag should not use constant value \"linux/amd64\"");
    }
}
