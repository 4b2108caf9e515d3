package dev.kiln.plan;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.DockerfileException;
import dev.kiln.dockerfile.instructions.Arg;
import dev.kiln.dockerfile.instructions.Copy;
import dev.kiln.dockerfile.instructions.Env;
import dev.kiln.dockerfile.instructions.Workdir;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannerTest {
    static BuildPlan plan(String dockerfile, Map<String, String> buildArgs, String target) {
        return Frontend.plan("Dockerfile", dockerfile,
                new BuildRequest(buildArgs, Optional.ofNullable(target), "linux/amd64", "linux/amd64"));
    }

    static BuildPlan plan(String dockerfile) {
        return plan(dockerfile, Map.of(), null);
    }

    static List<String> names(List<PlannedStage> stages) {
        return stages.stream().map(PlannedStage::displayName).toList();
    }

    @Test
    void multiStageBuildsOnlyWhatTheTargetNeeds() {
        var plan = plan("""
                FROM golang:1.22 AS builder
                RUN go build -o /app .
                FROM golang:1.22 AS test
                RUN go test ./...
                FROM scratch
                COPY --from=builder /app /app
                """);
        assertThat(names(plan.stages())).containsExactly("builder", "stage-2");
        assertThat(plan.pruned()).extracting(s -> s.name().orElseThrow()).containsExactly("test");
        assertThat(plan.targetStage().base()).isEqualTo(new StageBase.Scratch());
        assertThat(plan.targetStage().dependsOn()).containsExactly(0);
        assertThat(plan.stages().getFirst().base()).isEqualTo(new StageBase.FromImage("golang:1.22"));
    }

    @Test
    void targetSelectsAStageCaseInsensitively() {
        var plan = plan("""
                FROM busybox AS base
                FROM base AS Test
                RUN true
                FROM base
                """, Map.of(), "TEST");
        assertThat(names(plan.stages())).containsExactly("base", "test");
        assertThat(plan.stages().get(1).base()).isEqualTo(new StageBase.FromStage(0));
    }

    @Test
    void unknownTargetListsTheStages() {
        assertThatThrownBy(() -> plan("FROM busybox AS build\nFROM scratch AS final\n", Map.of(), "biuld"))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("target stage \"biuld\" could not be found")
                .hasMessageContaining("did you mean build?")
                .hasMessageContaining("build, final");
    }

    @Test
    void globalArgsExpandInFromAndBuildArgsOverrideDefaults() {
        var dockerfile = """
                ARG VERSION=1.21
                ARG IMAGE=golang:${VERSION}
                FROM ${IMAGE} AS build
                FROM --platform=$BUILDPLATFORM alpine:$VERSION
                """;
        var plan = plan(dockerfile);
        assertThat(plan.targetStage().base()).isEqualTo(new StageBase.FromImage("alpine:1.21"));
        assertThat(plan.targetStage().platform()).contains("linux/amd64");
        assertThat(plan(dockerfile, Map.of(), "build").targetStage().base())
                .isEqualTo(new StageBase.FromImage("golang:1.21"));
        var overridden = plan(dockerfile, Map.of("VERSION", "1.23"), "build");
        assertThat(overridden.stages().getFirst().base()).isEqualTo(new StageBase.FromImage("golang:1.23"));
    }

    @Test
    void globalArgIsVisibleInAStageOnlyWhenRedeclared() {
        var plan = plan("""
                ARG GREETING=hello
                FROM busybox
                WORKDIR /$GREETING-before
                ARG GREETING
                WORKDIR /$GREETING-after
                """);
        var steps = plan.targetStage().steps();
        assertThat(((Workdir) steps.get(0).instruction()).path()).isEqualTo("/-before");
        assertThat(((Workdir) steps.get(2).instruction()).path()).isEqualTo("/hello-after");
        assertThat(((Arg) steps.get(1).instruction()).definitions().getFirst().defaultValue()).contains("hello");
    }

    @Test
    void platformArgsMustBeDeclaredInsideAStage() {
        var plan = plan("""
                FROM busybox
                ENV A=$TARGETARCH
                ARG TARGETARCH
                ENV B=$TARGETARCH
                """);
        var steps = plan.targetStage().steps();
        assertThat(((Env) steps.get(0).instruction()).variables().getFirst().value()).isEmpty();
        assertThat(((Env) steps.get(2).instruction()).variables().getFirst().value()).isEqualTo("amd64");
    }

    @Test
    void aStageInheritsItsBaseStagesVariables() {
        var plan = plan("""
                FROM busybox AS base
                ARG LOCAL=from-base
                ENV DIR=/srv
                FROM base
                WORKDIR $DIR/$LOCAL
                """);
        assertThat(((Workdir) plan.targetStage().steps().getFirst().instruction()).path())
                .isEqualTo("/srv/from-base");
    }

    @Test
    void copyFromByIndexAndByImage() {
        var plan = plan("""
                FROM busybox
                FROM scratch
                COPY --from=0 /bin/busybox /busybox
                COPY --from=nginx:latest /etc/nginx /etc/nginx
                """);
        var steps = plan.targetStage().steps();
        assertThat(steps.get(0).sources()).containsExactly(new StepSource.Stage(0));
        assertThat(steps.get(1).sources()).containsExactly(new StepSource.Image("nginx:latest"));
        assertThat(names(plan.stages())).containsExactly("stage-0", "stage-1");
    }

    @Test
    void copyFromALaterStageIsAnErrorAsInBuildKit() {
        assertThatThrownBy(() -> plan("""
                FROM busybox AS first
                COPY --from=second /x /x
                FROM busybox AS second
                """, Map.of(), "first"))
                .isInstanceOf(DockerfileException.class)
                .hasMessageStartingWith("Dockerfile:2:")
                .hasMessageContaining("cannot copy from stage \"second\", it needs to be defined before current stage \"first\"");
    }

    @Test
    void mountFromALaterStageIsBuiltFirst() {
        var plan = plan("""
                FROM busybox AS app
                RUN --mount=from=tools,target=/tools /tools/run
                FROM busybox AS tools
                """, Map.of(), "app");
        assertThat(names(plan.stages())).containsExactly("tools", "app");
    }

    @Test
    void cyclesAreErrorsNamingAStage() {
        assertThatThrownBy(() -> plan("""
                FROM busybox AS a
                RUN --mount=from=b,target=/b true
                FROM busybox AS b
                COPY --from=a /x /x
                """))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("circular dependency detected on stage: a");
    }

    @Test
    void fromSeesOnlyStagesAboveIt() {
        var plan = plan("""
                FROM later AS early
                FROM busybox AS later
                """, Map.of(), "early");
        assertThat(plan.stages().getFirst().base()).isEqualTo(new StageBase.FromImage("later"));
    }

    @Test
    void variableInCopyFromIsRejected() {
        assertThatThrownBy(() -> plan("""
                FROM busybox AS a
                FROM scratch
                ARG SRC=a
                COPY --from=$SRC /x /x
                """))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("Dockerfile:4:")
                .hasMessageContaining("variable expansion is not supported for --from");
    }

    @Test
    void blankBaseNameIsAnError() {
        assertThatThrownBy(() -> plan("ARG IMG\nFROM $IMG\n"))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("Dockerfile:2:")
                .hasMessageContaining("base name ($IMG) should not be blank");
    }

    @Test
    void duplicateStageNamesWarnAndTheLaterWins() {
        var plan = plan("""
                FROM busybox AS build
                FROM alpine AS build
                FROM scratch
                COPY --from=build /x /x
                """);
        assertThat(plan.targetStage().dependsOn()).containsExactly(1);
        assertThat(plan.warnings()).anySatisfy(w -> {
            assertThat(w.message()).isEqualTo("DuplicateStageName: Duplicate stage name \"build\", stage names should be unique");
            assertThat(w.range().startLine()).isEqualTo(2);
        });
    }

    @Test
    void unusedBuildArgsAreReported() {
        var plan = plan("FROM busybox\nARG USED\n", Map.of("USED", "1", "UNUSED", "2", "HTTP_PROXY", "x"), null);
        assertThat(plan.warnings()).extracting(w -> w.message())
                .contains("One or more build-args [UNUSED] were not consumed");
    }

    @Test
    void onbuildTriggersOfABaseStageRunFirst() {
        var plan = plan("""
                FROM busybox AS base
                ONBUILD COPY --from=tools /t /t
                FROM busybox AS tools
                FROM base
                RUN echo after
                """);
        var first = plan.targetStage().steps().getFirst();
        assertThat(first.onBuild()).isTrue();
        assertThat(first.instruction()).isInstanceOf(Copy.class);
        assertThat(plan.targetStage().dependsOn()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void copyWordsAreExpandedWithStageVariables() {
        var plan = plan("""
                FROM busybox
                ENV APP=/opt/app
                ARG OWNER=1000
                COPY --chown=$OWNER:$OWNER src/ ${APP}/
                """);
        var copy = (Copy) plan.targetStage().steps().get(2).instruction();
        assertThat(copy.destination()).isEqualTo("/opt/app/");
        assertThat(copy.chown()).contains("1000:1000");
    }
}
