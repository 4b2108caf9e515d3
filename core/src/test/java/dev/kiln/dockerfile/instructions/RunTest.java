package dev.kiln.dockerfile.instructions;

import static dev.kiln.dockerfile.instructions.Nodes.node;
import static dev.kiln.dockerfile.instructions.Nodes.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.dockerfile.parser.Heredoc;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunTest {

    @Test
    void shellFormRecordsOneCommandTextAndPrependShell() {
        var run = single(node("RUN echo hi", "RUN", "echo hi"), Run.class);
        assertThat(run.command()).isEqualTo(new CommandLine(List.of("echo hi"), true, List.of()));
        assertThat(run.network()).isEqualTo(NetworkMode.DEFAULT);
        assertThat(run.security()).isEqualTo(SecurityMode.SANDBOX);
        assertThat(run.mounts()).isEmpty();
    }

    @Test
    void execFormKeepsTheArgv() {
        var run = single(Nodes.json("RUN [\"echo\", \"a b\"]", "RUN", "echo", "a b"), Run.class);
        assertThat(run.command()).isEqualTo(new CommandLine(List.of("echo", "a b"), false, List.of()));
    }

    @Test
    void heredocsBecomeInlineFiles() {
        var run = single(Nodes.withHeredocs(node("RUN <<EOF", "RUN", "<<EOF"),
                new Heredoc("EOF", 0, true, true, "\techo hi\n")), Run.class);
        assertThat(run.command().files()).containsExactly(new InlineFile("EOF", "\techo hi\n", true));
        assertThat(run.command().args()).containsExactly("<<EOF");
    }

    @Test
    void networkAndSecurityFlags() {
        var run = single(node("RUN …", "RUN", List.of("--network=none", "--security=insecure"), "x"), Run.class);
        assertThat(run.network()).isEqualTo(NetworkMode.NONE);
        assertThat(run.security()).isEqualTo(SecurityMode.INSECURE);
        var host = single(node("RUN …", "RUN", List.of("--network=host"), "x"), Run.class);
        assertThat(host.network()).isEqualTo(NetworkMode.HOST);
    }

    @Test
    void badNetworkOrSecurityIsAnError() {
        var network = Nodes.fromScratch().add(node("RUN --network=bridge x", "RUN", List.of("--network=bridge"), "x"));
        assertThatThrownBy(network::parse).hasMessageContaining("Dockerfile:2:1: invalid network mode \"bridge\"");
        var security = Nodes.fromScratch().add(node("RUN --security=root x", "RUN", List.of("--security=root"), "x"));
        assertThatThrownBy(security::parse).hasMessageContaining("security \"root\" is not valid");
    }

    @Test
    void mountsAreRepeatableAndTyped() {
        var run = single(node("RUN …", "RUN", List.of("--mount=target=/src", "--mount=type=cache,target=/root/.m2",
                "--mount=type=tmpfs,target=/tmp,size=64m", "--mount=type=secret,id=npmrc",
                "--mount=type=ssh"), "make"), Run.class);
        assertThat(run.mountSpecs()).hasSize(5);
        assertThat(run.mounts()).containsExactly(
                new Mount.Bind("/src", "", Optional.empty(), true),
                new Mount.Cache("/root/.m2", "/root/.m2", Mount.CacheSharing.SHARED, Optional.empty(), "", 0755, 0, 0,
                        false),
                new Mount.Tmpfs("/tmp", 64L * 1024 * 1024),
                new Mount.Secret("npmrc", "/run/secrets/npmrc", Optional.empty(), false, 0400, 0, 0),
                new Mount.Ssh("default", "", false, 0600, 0, 0));
    }

    @Test
    void mountOptionValuesAreExpandedOnRequest() {
        var run = single(node("RUN …", "RUN", List.of("--mount=type=cache,target=$HOME/.cache,uid=$UID"), "x"),
                Run.class);
        var expanded = run.expand(new MapExpander(Map.of("HOME", "/home/app", "UID", "1000")));
        assertThat(expanded.mounts()).containsExactly(new Mount.Cache("/home/app/.cache", "/home/app/.cache",
                Mount.CacheSharing.SHARED, Optional.empty(), "", 0755, 1000, 0, false));
        assertThat(expanded.command()).isEqualTo(run.command());
        assertThatThrownBy(() -> run.expand(new MapExpander(Map.of("HOME", "/h", "UID", "x"))))
                .isInstanceOf(InstructionException.class).hasMessageContaining("invalid value x for uid");
    }

    @Test
    void mountFromMayNotUseVariables() {
        var nodes = Nodes.fromScratch().add(node("RUN …", "RUN", List.of("--mount=from=$STAGE,target=/s"), "x"));
        assertThatThrownBy(nodes::parse)
                .hasMessageContaining("'from' doesn't support variable expansion, define alias stage instead");
    }

    @Test
    void runRejectsUnknownFlagsWithASuggestion() {
        var nodes = Nodes.fromScratch().add(node("RUN --mout=x y", "RUN", List.of("--mout=x"), "y"));
        assertThatThrownBy(nodes::parse).hasMessageContaining("unknown flag: --mout (did you mean --mount?)");
    }
}
