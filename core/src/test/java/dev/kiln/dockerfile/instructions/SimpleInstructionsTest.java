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

class SimpleInstructionsTest {
    private static final MapExpander ENV = new MapExpander(Map.of("A", "1", "P", "80 443/udp", "U", "app",
            "D", "/srv", "S", "SIGTERM", "V", "/data"));

    @Test
    void envBothForms() {
        var env = single(node("ENV a=1 b=\"x y\"", "ENV", "a", "1", "=", "b", "x y", "="), Env.class);
        assertThat(env.variables()).containsExactly(new KeyValue("a", "1", false), new KeyValue("b", "x y", false));
        var legacy = single(node("ENV key value with spaces", "ENV", "key", "value with spaces", ""), Env.class);
        assertThat(legacy.variables()).containsExactly(new KeyValue("key", "value with spaces", true));
        assertThat(env.expand(new MapExpander(Map.of())).variables()).hasSize(2);
        var expanded = single(node("ENV x=$A", "ENV", "x", "$A", "="), Env.class).expand(ENV);
        assertThat(expanded.variables()).containsExactly(new KeyValue("x", "1", false));
    }

    @Test
    void envAndLabelErrors() {
        var empty = Nodes.fromScratch().add(node("ENV", "ENV"));
        assertThatThrownBy(empty::parse).hasMessageContaining("Dockerfile:2:1: ENV requires at least one argument");
        var blank = Nodes.fromScratch().add(node("LABEL =x", "LABEL", "", "x", "="));
        assertThatThrownBy(blank::parse).hasMessageContaining("LABEL names can not be blank");
        var odd = Nodes.fromScratch().add(node("LABEL a", "LABEL", "a", "b"));
        assertThatThrownBy(odd::parse).hasMessageContaining("Bad input to LABEL, too many arguments");
    }

    @Test
    void label() {
        var label = single(node("LABEL a=b", "LABEL", "a", "$A", "="), Label.class);
        assertThat(label.labels()).containsExactly(new KeyValue("a", "$A", false));
        assertThat(label.expand(ENV).labels()).containsExactly(new KeyValue("a", "1", false));
    }

    @Test
    void maintainerTakesExactlyOneArgument() {
        assertThat(single(node("MAINTAINER Jane <j@x>", "MAINTAINER", "Jane <j@x>"), Maintainer.class).maintainer())
                .isEqualTo("Jane <j@x>");
        var two = Nodes.fromScratch().add(node("MAINTAINER a b", "MAINTAINER", "a", "b"));
        assertThatThrownBy(two::parse).hasMessageContaining("MAINTAINER requires exactly one argument");
    }

    @Test
    void exposeSortsPortsAndSplitsOnExpansion() {
        var expose = single(node("EXPOSE 8080 $P 22/tcp", "EXPOSE", "8080", "$P", "22/tcp"), Expose.class);
        assertThat(expose.ports()).containsExactly("$P", "22/tcp", "8080");
        assertThat(expose.expand(ENV).ports()).containsExactly("80", "443/udp", "22/tcp", "8080");
        var none = Nodes.fromScratch().add(node("EXPOSE", "EXPOSE"));
        assertThatThrownBy(none::parse).hasMessageContaining("EXPOSE requires at least one argument");
    }

    @Test
    void volumeUserWorkdirStopSignal() {
        var volume = single(Nodes.json("VOLUME [\"/a\", \" $V \"]", "VOLUME", "/a", " $V "), Volume.class);
        assertThat(volume.volumes()).containsExactly("/a", "$V");
        assertThat(volume.expand(ENV).volumes()).containsExactly("/a", "/data");
        assertThat(single(node("USER $U:staff", "USER", "$U:staff"), User.class).expand(ENV).user())
                .isEqualTo("app:staff");
        assertThat(single(node("WORKDIR $D/x", "WORKDIR", "$D/x"), Workdir.class).expand(ENV).path())
                .isEqualTo("/srv/x");
        assertThat(single(node("STOPSIGNAL $S", "STOPSIGNAL", "$S"), StopSignal.class).expand(ENV).signal())
                .isEqualTo("SIGTERM");
    }

    @Test
    void oneArgumentInstructionsRejectOthers() {
        for (var keyword : List.of("USER", "WORKDIR", "STOPSIGNAL")) {
            var nodes = Nodes.fromScratch().add(node(keyword + " a b", keyword, "a", "b"));
            assertThatThrownBy(nodes::parse).as(keyword)
                    .hasMessageContaining("Dockerfile:2:1: " + keyword + " requires exactly one argument");
        }
        var blank = Nodes.fromScratch().add(Nodes.json("VOLUME [\"\"]", "VOLUME", " "));
        assertThatThrownBy(blank::parse).hasMessageContaining("VOLUME specified can not be an empty string");
    }

    @Test
    void argWithSeveralDefinitions() {
        var arg = single(node("ARG A B=2 C=", "ARG", "A", "B=2", "C=", "D=x=y"), Arg.class);
        assertThat(arg.definitions()).containsExactly(new ArgDefinition("A", Optional.empty()),
                new ArgDefinition("B", Optional.of("2")), new ArgDefinition("C", Optional.of("")),
                new ArgDefinition("D", Optional.of("x=y")));
        var expanded = single(node("ARG X=$A", "ARG", "X=$A"), Arg.class).expand(ENV);
        assertThat(expanded.definitions()).containsExactly(new ArgDefinition("X", Optional.of("1")));
        var blank = Nodes.fromScratch().add(node("ARG =1", "ARG", "=1"));
        assertThatThrownBy(blank::parse).hasMessageContaining("ARG names can not be blank");
        var none = Nodes.fromScratch().add(node("ARG", "ARG"));
        assertThatThrownBy(none::parse).hasMessageContaining("ARG requires at least one argument");
    }

    @Test
    void fromExpandsImageAndPlatform() {
        var from = Nodes.dockerfile().add(node("FROM --platform=$P img:$A AS x", "FROM", List.of("--platform=$P"),
                "img:$A", "AS", "x")).parse().stages().getFirst().from();
        var expanded = from.expand(ENV);
        assertThat(expanded.image()).isEqualTo("img:1");
        assertThat(expanded.platform()).contains("80 443/udp");
        assertThat(expanded.stageName()).contains("x");
    }

    @Test
    void onbuildParsesItsTrigger() {
        var onbuild = single(Nodes.onbuild("ONBUILD RUN make", node("RUN make", "RUN", "make")), Onbuild.class);
        assertThat(onbuild.trigger()).isInstanceOfSatisfying(Run.class,
                r -> assertThat(r.command().args()).containsExactly("make"));
        assertThat(onbuild.expression()).isEqualTo("RUN make");
        assertThat(onbuild.trigger().range().startLine()).isEqualTo(2);
    }

    @Test
    void onbuildExpressionCarriesHeredocBodies() {
        var trigger = Nodes.withHeredocs(node("RUN <<EOF", "RUN", "<<EOF"), new Heredoc("EOF", 0, true, false,
                "echo hi\n"));
        var onbuild = single(Nodes.withHeredocs(Nodes.onbuild("onbuild RUN <<EOF", trigger),
                new Heredoc("EOF", 0, true, false, "echo hi\n")), Onbuild.class);
        assertThat(onbuild.expression()).isEqualTo("RUN <<EOF\necho hi\nEOF");
    }

    @Test
    void onbuildRejectsChainingFromAndMaintainer() {
        var chained = Nodes.fromScratch().add(Nodes.onbuild("ONBUILD ONBUILD RUN x",
                Nodes.onbuild("ONBUILD RUN x", node("RUN x", "RUN", "x"))));
        assertThatThrownBy(chained::parse)
                .hasMessageContaining("Dockerfile:2:1: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        var from = Nodes.fromScratch().add(Nodes.onbuild("ONBUILD from x", node("from x", "from", "x")));
        assertThatThrownBy(from::parse).hasMessageContaining("FROM isn't allowed as an ONBUILD trigger");
        var maintainer = Nodes.fromScratch().add(Nodes.onbuild("ONBUILD MAINTAINER x",
                node("MAINTAINER x", "MAINTAINER", "x")));
        assertThatThrownBy(maintainer::parse).hasMessageContaining("MAINTAINER isn't allowed as an ONBUILD trigger");
        var bad = Nodes.fromScratch().add(Nodes.onbuild("ONBUILD COPPY a b", node("COPPY a b", "COPPY", "a", "b")));
        assertThatThrownBy(bad::parse).hasMessageContaining("unknown instruction: COPPY (did you mean COPY?)");
    }
}
