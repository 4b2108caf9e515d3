package dev.kiln.plan;

import static dev.kiln.plan.LintHarness.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks BuildKit runs while dispatching a stage: only stages that are built. */
class StageChecksTest {

    @Test
    void jsonArgsRecommendedNamesTheKeywordAsWrittenAndHonoursAShellOfTheBaseStage() {
        assertThat(warnings("FROM scratch\nCMD run me\nENTRYPOINT run me\n")).containsExactly(
                "2: JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related"
                        + " to OS signals",
                "3: JSONArgsRecommended: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior"
                        + " related to OS signals");
        assertThat(warnings("FROM scratch AS base\nSHELL [\"/bin/sh\", \"-c\"]\nFROM base\nCMD run me\n")).isEmpty();
    }

    @Test
    void legacyKeyValueFormatOncePerPair() {
        assertThat(warnings("FROM scratch\nENV name value\nLABEL key value\nENV a=1 b=2\n")).containsExactly(
                "2: LegacyKeyValueFormat: \"ENV key=value\" should be used instead of legacy \"ENV key value\" format",
                "3: LegacyKeyValueFormat: \"LABEL key=value\" should be used instead of legacy \"LABEL key value\""
                        + " format");
    }

    @Test
    void stagesTheTargetDoesNotNeedAreNotChecked() {
        assertThat(warnings("FROM scratch AS a\nFROM a AS b\nENV name value\nCMD run\nFROM a AS c\n")).isEmpty();
        assertThat(warnings("FROM scratch AS a\nFROM a AS b\nENV name value\nFROM a AS c\n", Map.of(), List.of(), "b"))
                .containsExactly("3: LegacyKeyValueFormat: \"ENV key=value\" should be used instead of legacy"
                        + " \"ENV key value\" format");
    }

    @Test
    void multipleInstructionsDisallowedPointsAtTheIgnoredOne() {
        assertThat(warnings("""
                FROM scratch
                ENTRYPOINT ["/a"]
                CMD ["/a"]
                HEALTHCHECK CMD ["/a"]
                COPY x /x
                ENTRYPOINT ["/b"]
                CMD ["/b"]
                HEALTHCHECK CMD ["/b"]
                CMD ["/c"]
                """)).containsExactly(
                "2: MultipleInstructionsDisallowed: Multiple ENTRYPOINT instructions should not be used in the same"
                        + " stage because only the last one will be used",
                "3: MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage"
                        + " because only the last one will be used",
                "4: MultipleInstructionsDisallowed: Multiple HEALTHCHECK instructions should not be used in the same"
                        + " stage because only the last one will be used",
                "7: MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage"
                        + " because only the last one will be used");
        assertThat(warnings("FROM scratch AS a\nCMD [\"/a\"]\nFROM a\nCMD [\"/b\"]\n")).isEmpty();
    }

    @Test
    void workdirRelativePathOnlyForTheFirstWorkdirOfTheBuild() {
        assertThat(warnings("FROM scratch\nWORKDIR app/\nWORKDIR sub\n")).containsExactly(
                "2: WorkdirRelativePath: Relative workdir \"app/\" can have unexpected results if the base image changes");
        assertThat(warnings("FROM scratch AS a\nWORKDIR /app\nFROM a\nWORKDIR sub/\n")).isEmpty();
        assertThat(warnings("FROM scratch\nENV D=rel\nWORKDIR $D\n")).containsExactly(
                "3: WorkdirRelativePath: Relative workdir \"rel\" can have unexpected results if the base image changes");
    }

    @Test
    void secretsUsedInArgOrEnv() {
        assertThat(warnings("""
                FROM scratch
                ARG SECRET_PASSPHRASE
                ENV password=bar secret=baz
                ARG public_token AUTH_MODULE_VERSION git_key=
                ENV password_file=x sunflower=y
                """)).containsExactly(
                "2: SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ARG \"SECRET_PASSPHRASE\")",
                "3: SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ENV \"password\")",
                "3: SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ENV \"secret\")",
                "4: SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ARG \"git_key\")");
    }

    @Test
    void undefinedVarPerWordWithAHint() {
        assertThat(warnings("""
                FROM scratch
                ARG DIR_ASSETS=assets/
                COPY $DIR_ASSET $DIR_ASSET /dst/
                ENV PATH=$PAHT:/x
                RUN echo $NOT_CHECKED
                """)).containsExactly(
                "3: UndefinedVar: Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?)",
                "3: UndefinedVar: Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?)",
                "4: UndefinedVar: Usage of undefined variable '$PAHT' (did you mean $PATH?)");
    }

    @Test
    void undefinedVarKnowsArgsWithoutValuesArgsOfTheBaseStageAndOrder() {
        assertThat(warnings("FROM scratch\nARG foo\nCOPY a${foo} /\n")).isEmpty();
        assertThat(warnings("FROM scratch AS base\nARG foo=x\nFROM base\nCOPY $foo /\n")).isEmpty();
        assertThat(warnings("FROM scratch\nCOPY $foo /\nARG foo=bar\nARG baz=$nope$foo\n")).containsExactly(
                "2: UndefinedVar: Usage of undefined variable '$foo'",
                "4: UndefinedVar: Usage of undefined variable '$nope'");
    }

    /**
     * A stage based on an image: its ENV is only known once pulled, so any name may come from it;
     * reporting would cry wolf on every {@code $JAVA_HOME}.
     */
    @Test
    void undefinedVarIsNotReportedUnderAnImageWhoseEnvIsUnknown() {
        assertThat(warnings("FROM busybox AS base\nCOPY $JAVA_HOME/x /\nFROM base\nCOPY $GOPATH /\n")).isEmpty();
    }

    @Test
    void copyIgnoredFile() {
        var ignore = List.of("Dockerfile", "secret/");
        assertThat(warnings("FROM scratch\nCOPY ./Dockerfile secret/key /\nADD Dockerfile /w\nCOPY kept /\n",
                Map.of(), ignore, null)).containsExactly(
                "2: CopyIgnoredFile: Attempting to Copy file \"Dockerfile\" that is excluded by .dockerignore",
                "2: CopyIgnoredFile: Attempting to Copy file \"secret/key\" that is excluded by .dockerignore",
                "3: CopyIgnoredFile: Attempting to Add file \"Dockerfile\" that is excluded by .dockerignore");
    }

    @Test
    void copyIgnoredFileSkipsCopyFromAndExceptionsAndTheRootUnlessAllIsIgnored() {
        var dockerfile = "FROM scratch AS a\nCOPY . /\nFROM a\nCOPY --from=a /Dockerfile /\n";
        assertThat(warnings(dockerfile, Map.of(), List.of("Dockerfile", ".*"), null)).isEmpty();
        assertThat(warnings("FROM scratch\nCOPY Dockerfile /\n", Map.of(), List.of("**", "!Dockerfile"), null))
                .isEmpty();
        assertThat(warnings("FROM scratch\nADD https://example.com/x.tgz git@github.com:a/b.git /\n", Map.of(),
                List.of("*"), null)).isEmpty();
        assertThat(warnings("FROM scratch\nCOPY . /\n", Map.of(), List.of("*"), null)).containsExactly(
                "2: CopyIgnoredFile: Attempting to Copy file \".\" that is excluded by .dockerignore");
    }

    @Test
    void exposeProtoCasingAndInvalidFormat() {
        assertThat(warnings("FROM scratch\nEXPOSE 80/TcP 8080/udp 127.0.0.1:80:80 5000:5000/UDP\n")).containsExactly(
                "2: ExposeInvalidFormat: EXPOSE instruction should not define an IP address or host-port mapping,"
                        + " found '127.0.0.1:80:80'",
                "2: ExposeProtoCasing: Defined protocol '5000:5000/UDP' in EXPOSE instruction should be lowercase",
                "2: ExposeInvalidFormat: EXPOSE instruction should not define an IP address or host-port mapping,"
                        + " found '5000:5000/UDP'",
                "2: ExposeProtoCasing: Defined protocol '80/TcP' in EXPOSE instruction should be lowercase");
    }
}
