package dev.kiln.dockerfile.instructions;

import static dev.kiln.dockerfile.instructions.Nodes.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.dockerfile.DockerfileException;
import dev.kiln.dockerfile.parser.ParseWarning;
import dev.kiln.dockerfile.parser.SourceRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StagesTest {

    @Test
    void argsBeforeFirstFromAreMetaArgsAndFromOpensStages() {
        var parsed = Nodes.dockerfile()
                .add(node("ARG BASE=debian", "ARG", "BASE=debian"))
                .add(node("FROM --platform=$BUILDPLATFORM ${BASE} AS Build", "FROM",
                        List.of("--platform=$BUILDPLATFORM"), "${BASE}", "AS", "Build"))
                .add(node("ARG VERSION", "ARG", "VERSION"))
                .add(node("RUN make", "RUN", "make"))
                .add(node("FROM scratch", "FROM", "scratch"))
                .add(node("COPY --from=build /out /", "COPY", List.of("--from=build"), "/out", "/"))
                .parse();

        assertThat(parsed.metaArgs()).singleElement()
                .satisfies(a -> assertThat(a.definitions()).containsExactly(
                        new ArgDefinition("BASE", Optional.of("debian"))));
        assertThat(parsed.stages()).hasSize(2);
        var build = parsed.stages().get(0);
        assertThat(build.name()).contains("build");
        assertThat(build.baseImage()).isEqualTo("${BASE}");
        assertThat(build.platform()).contains("$BUILDPLATFORM");
        assertThat(build.index()).isZero();
        assertThat(build.instructions()).extracting(Instruction::keyword).containsExactly("ARG", "RUN");
        assertThat(build.range()).isEqualTo(new SourceRange(2, 1, 4, 8));
        assertThat(build.from().original()).startsWith("FROM --platform");
        var last = parsed.stages().get(1);
        assertThat(last.name()).isEmpty();
        assertThat(last.index()).isEqualTo(1);
        assertThat(last.instructions()).singleElement().isInstanceOf(Copy.class);
    }

    @Test
    void instructionBeforeFromIsAnErrorNamingTheLine() {
        var nodes = Nodes.dockerfile()
                .add(node("ARG A", "ARG", "A"))
                .add(node("RUN echo hi", "RUN", "echo hi"))
                .add(node("FROM scratch", "FROM", "scratch"));
        assertThatThrownBy(nodes::parse)
                .isInstanceOf(DockerfileException.class)
                .hasMessageStartingWith("Dockerfile:2:1: no build stage in current context: RUN must come after a FROM")
                .hasMessageContaining("2 | RUN echo hi");
    }

    @Test
    void aDockerfileWithoutFromIsAnError() {
        var nodes = Nodes.dockerfile().add(node("ARG A", "ARG", "A"));
        assertThatThrownBy(nodes::parse).isInstanceOf(DockerfileException.class)
                .hasMessageContaining("no FROM instruction");
    }

    @Test
    void unknownInstructionSuggestsTheClosestKeyword() {
        var nodes = Nodes.fromScratch().add(node("COPPY a b", "COPPY", "a", "b"));
        assertThatThrownBy(nodes::parse)
                .isInstanceOf(DockerfileException.class)
                .hasMessageStartingWith("Dockerfile:2:1: unknown instruction: COPPY (did you mean COPY?)")
                .hasMessageContaining("2 | COPPY a b");
    }

    @Test
    void unknownInstructionSuggestionKeepsTheWrittenCase() {
        var nodes = Nodes.fromScratch().add(node("envv a=b", "envv", "a", "b", "="));
        assertThatThrownBy(nodes::parse).hasMessageContaining("unknown instruction: envv (did you mean env?)");
    }

    @Test
    void unknownInstructionFarFromAnyKeywordHasNoSuggestion() {
        var nodes = Nodes.fromScratch().add(node("FROBNICATE x", "FROBNICATE", "x"));
        assertThatThrownBy(nodes::parse).hasMessageContaining("unknown instruction: FROBNICATE")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void stageNamesAreValidatedWithBuildKitsRule() {
        var nodes = Nodes.dockerfile().add(node("FROM alpine AS 1st", "FROM", "alpine", "AS", "1st"));
        assertThatThrownBy(nodes::parse).isInstanceOf(DockerfileException.class)
                .hasMessageStartingWith("Dockerfile:1:1: invalid name for build stage: \"1st\", "
                        + "name can't start with a number or contain symbols");
        var symbols = Nodes.dockerfile().add(node("FROM alpine AS a$b", "FROM", "alpine", "AS", "a$b"));
        assertThatThrownBy(symbols::parse).hasMessageContaining("invalid name for build stage: \"a$b\"");
    }

    @Test
    void fromNeedsOneOrThreeArguments() {
        var nodes = Nodes.dockerfile().add(node("FROM a b", "FROM", "a", "b"));
        assertThatThrownBy(nodes::parse).hasMessageContaining("FROM requires either one or three arguments");
    }

    @Test
    void fromRejectsFlagsOtherThanPlatform() {
        var nodes = Nodes.dockerfile().add(node("FROM --platfrom=x a", "FROM", List.of("--platfrom=x"), "a"));
        assertThatThrownBy(nodes::parse)
                .hasMessageContaining("unknown flag: --platfrom (did you mean --platform?)");
    }

    @Test
    void lintWarningsAreCollectedWithTheirLines() {
        var parsed = Nodes.dockerfile()
                .add(node("FROM alpine as Builder", "FROM", "alpine", "as", "Builder"))
                .add(node("MAINTAINER me", "MAINTAINER", "me"))
                .add(node("CMD echo hi", "CMD", "echo hi"))
                .add(Nodes.json("ENTRYPOINT [\"/bin/app\"]", "ENTRYPOINT", "/bin/app"))
                .parse();
        assertThat(parsed.warnings()).extracting(ParseWarning::message).containsExactly(
                "StageNameCasing: Stage name 'Builder' should be lowercase",
                "FromAsCasing: 'as' and 'FROM' keywords' casing do not match",
                "MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label");
        assertThat(parsed.warnings()).extracting(w -> w.range().startLine()).containsExactly(1, 1, 2);
    }

    @Test
    void matchingCasingSilencesTheWarnings() {
        var parsed = Nodes.dockerfile()
                .add(node("FROM alpine AS build", "FROM", "alpine", "AS", "build"))
                .add(Nodes.json("SHELL [\"/bin/bash\", \"-c\"]", "SHELL", "/bin/bash", "-c"))
                .add(node("CMD echo hi", "CMD", "echo hi"))
                .parse();
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void locateTurnsAnExpansionErrorIntoALocatedOne() {
        var parsed = Nodes.fromScratch()
                .add(node("COPY --chmod=$MODE a /b", "COPY", List.of("--chmod=$MODE"), "a", "/b")).parse();
        var copy = (Copy) parsed.stages().getFirst().instructions().getFirst();
        var expander = new MapExpander(java.util.Map.of("MODE", "u+q"));
        var error = org.junit.jupiter.api.Assertions.assertThrows(InstructionException.class,
                () -> copy.expand(expander));
        assertThat(parsed.locate(error).getMessage())
                .startsWith("Dockerfile:2:1: invalid chmod parameter: 'u+q'")
                .contains("2 | COPY --chmod=$MODE a /b");
    }
}
