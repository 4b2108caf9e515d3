package dev.kiln.dockerfile.instructions;

import static dev.kiln.dockerfile.instructions.Nodes.node;
import static dev.kiln.dockerfile.instructions.Nodes.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.dockerfile.DockerfileException;
import dev.kiln.dockerfile.parser.Heredoc;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CopyAddTest {

    @Test
    void copyWithEveryFlag() {
        var copy = single(node("COPY …", "COPY", List.of("--from=build", "--chown=1000:1000", "--chmod=0755",
                "--link", "--parents=true", "--exclude=*.md", "--exclude=docs/"), "a", "b/*.go", "/app/"), Copy.class);
        assertThat(copy.sources()).containsExactly("a", "b/*.go");
        assertThat(copy.destination()).isEqualTo("/app/");
        assertThat(copy.from()).contains("build");
        assertThat(copy.chown()).contains("1000:1000");
        assertThat(copy.chmod()).contains(new Chmod("0755"));
        assertThat(copy.link()).isTrue();
        assertThat(copy.parents()).isTrue();
        assertThat(copy.excludes()).containsExactly("*.md", "docs/");
        assertThat(copy.inlineSources()).isEmpty();
    }

    @Test
    void copyDefaults() {
        var copy = single(node("COPY a b", "COPY", "a", "b"), Copy.class);
        assertThat(copy.from()).isEmpty();
        assertThat(copy.chown()).isEmpty();
        assertThat(copy.chmod()).isEmpty();
        assertThat(copy.link()).isFalse();
        assertThat(copy.parents()).isFalse();
        assertThat(copy.excludes()).isEmpty();
    }

    @Test
    void booleanFlagsAcceptExplicitValuesInAnyCase() {
        var copy = single(node("COPY --link=FALSE a b", "COPY", List.of("--link=FALSE"), "a", "b"), Copy.class);
        assertThat(copy.link()).isFalse();
    }

    @Test
    void addWithEveryFlag() {
        var add = single(node("ADD …", "ADD", List.of("--chown=app", "--chmod=u+x,g-w", "--link",
                "--checksum=sha256:abc", "--keep-git-dir=true", "--unpack=false", "--exclude=.git"),
                "https://example.com/x.tar", "/x"), Add.class);
        assertThat(add.sources()).containsExactly("https://example.com/x.tar");
        assertThat(add.destination()).isEqualTo("/x");
        assertThat(add.chown()).contains("app");
        assertThat(add.chmod()).contains(new Chmod("u+x,g-w"));
        assertThat(add.link()).isTrue();
        assertThat(add.checksum()).contains("sha256:abc");
        assertThat(add.keepGitDir()).contains(true);
        assertThat(add.unpack()).contains(false);
        assertThat(add.excludes()).containsExactly(".git");
    }

    @Test
    void addOptionalBooleansAreAbsentUnlessGiven() {
        var add = single(node("ADD a b", "ADD", "a", "b"), Add.class);
        assertThat(add.keepGitDir()).isEmpty();
        assertThat(add.unpack()).isEmpty();
        assertThat(add.checksum()).isEmpty();
    }

    @Test
    void heredocSourcesBecomeInlineContent() {
        var copy = single(Nodes.withHeredocs(node("COPY <<EOF <<-\"END\" real /dest/", "COPY", "<<EOF",
                        "<<-\"END\"", "real", "/dest/"),
                new Heredoc("EOF", 0, true, false, "hello $NAME\n"),
                new Heredoc("END", 0, false, true, "\t\tindented\n\tline\n")), Copy.class);
        assertThat(copy.sources()).containsExactly("real");
        assertThat(copy.inlineSources()).containsExactly(
                new HeredocSource("EOF", "hello $NAME\n", true),
                new HeredocSource("END", "indented\nline\n", false));
        var expanded = copy.expand(new MapExpander(Map.of("NAME", "kiln")));
        assertThat(expanded.inlineSources()).extracting(HeredocSource::data)
                .containsExactly("hello kiln\n", "indented\nline\n");
    }

    @Test
    void heredocDestinationIsRejected() {
        var nodes = Nodes.fromScratch().add(Nodes.withHeredocs(node("COPY a <<EOF", "COPY", "a", "<<EOF"),
                new Heredoc("EOF", 0, true, false, "x\n")));
        assertThatThrownBy(nodes::parse).hasMessageContaining("COPY cannot accept a heredoc as a destination");
    }

    @Test
    void copyNeedsTwoArguments() {
        var nodes = Nodes.fromScratch().add(node("COPY onlyone", "COPY", "onlyone"));
        assertThatThrownBy(nodes::parse).isInstanceOf(DockerfileException.class)
                .hasMessageStartingWith("Dockerfile:2:1: COPY requires at least two arguments, but only one was "
                        + "provided. Destination could not be determined");
        var add = Nodes.fromScratch().add(node("ADD x", "ADD", "x"));
        assertThatThrownBy(add::parse).hasMessageContaining("ADD requires at least two arguments");
    }

    @Test
    void unknownFlagSuggestsTheClosestOne() {
        var nodes = Nodes.fromScratch().add(node("COPY --fomr=a x y", "COPY", List.of("--fomr=a"), "x", "y"));
        assertThatThrownBy(nodes::parse).isInstanceOf(DockerfileException.class)
                .hasMessageStartingWith("Dockerfile:2:1: unknown flag: --fomr (did you mean --from?)");
    }

    @Test
    void copyRejectsAddOnlyFlags() {
        var nodes = Nodes.fromScratch().add(node("COPY --checksum=x a b", "COPY", List.of("--checksum=x"), "a", "b"));
        assertThatThrownBy(nodes::parse).hasMessageContaining("unknown flag: --checksum");
    }

    @Test
    void stringFlagWithoutValueIsAnError() {
        var nodes = Nodes.fromScratch().add(node("COPY --from a b", "COPY", List.of("--from"), "a", "b"));
        assertThatThrownBy(nodes::parse).hasMessageContaining("missing a value on flag: --from");
    }

    @Test
    void booleanFlagWithEmptyOrOddValueIsAnError() {
        var empty = Nodes.fromScratch().add(node("COPY --link= a b", "COPY", List.of("--link="), "a", "b"));
        assertThatThrownBy(empty::parse).hasMessageContaining("missing a value on flag: --link");
        var odd = Nodes.fromScratch().add(node("COPY --link=yes a b", "COPY", List.of("--link=yes"), "a", "b"));
        assertThatThrownBy(odd::parse).hasMessageContaining("expecting boolean value for flag --link, not: yes");
    }

    @Test
    void singleValuedFlagGivenTwiceIsAnError() {
        var nodes = Nodes.fromScratch().add(node("COPY --from=a --from=b x y", "COPY",
                List.of("--from=a", "--from=b"), "x", "y"));
        assertThatThrownBy(nodes::parse).hasMessageContaining("duplicate flag specified: --from");
    }

    @Test
    void doubleDashEndsTheFlags() {
        var copy = single(node("COPY --link -- a b", "COPY", List.of("--link", "--", "--bogus"), "a", "b"),
                Copy.class);
        assertThat(copy.link()).isTrue();
    }

    @Test
    void badChmodIsRejectedWithBuildKitsMessage() {
        for (var bad : List.of("64a", "10000", "u+q", "x=", "ugo", "u+x,")) {
            var nodes = Nodes.fromScratch().add(node("COPY --chmod=" + bad + " a b", "COPY",
                    List.of("--chmod=" + bad), "a", "b"));
            assertThatThrownBy(nodes::parse).as(bad).isInstanceOf(DockerfileException.class)
                    .hasMessageContaining("invalid chmod parameter: '" + bad + "'");
        }
        var numeric = Nodes.fromScratch().add(node("COPY --chmod=10000 a b", "COPY", List.of("--chmod=10000"),
                "a", "b"));
        assertThatThrownBy(numeric::parse).hasMessageContaining(
                "invalid chmod parameter: '10000'. it should be octal string and between 0 and 07777");
    }

    @Test
    void chmodWithAVariableIsCheckedOnExpansion() {
        var copy = single(node("COPY --chmod=$M a b", "COPY", List.of("--chmod=$M"), "a", "b"), Copy.class);
        assertThat(copy.expand(new MapExpander(Map.of("M", "0640"))).chmod()).contains(new Chmod("0640"));
        assertThatThrownBy(() -> copy.expand(new MapExpander(Map.of("M", "99"))))
                .isInstanceOf(InstructionException.class).hasMessageContaining("invalid chmod parameter: '99'");
    }

    @Test
    void expandReplacesSourcesDestinationAndFlags() {
        var copy = single(node("COPY …", "COPY", List.of("--from=$STAGE", "--chown=$U", "--exclude=$EX"),
                "$SRC", "/opt/$DIR"), Copy.class);
        var env = new MapExpander(Map.of("STAGE", "build", "U", "app", "EX", "*.tmp", "SRC", "out",
                "DIR", "kiln"));
        var expanded = copy.expand(env);
        assertThat(expanded.sources()).containsExactly("out");
        assertThat(expanded.destination()).isEqualTo("/opt/kiln");
        assertThat(expanded.from()).contains("build");
        assertThat(expanded.chown()).contains("app");
        assertThat(expanded.excludes()).containsExactly("*.tmp");
        assertThat(copy.sources()).containsExactly("$SRC");

        var add = single(node("ADD …", "ADD", List.of("--checksum=$SUM"), "$URL", "/d"), Add.class)
                .expand(new MapExpander(Map.of("SUM", "sha256:1", "URL", "https://h/x")));
        assertThat(add.checksum()).contains("sha256:1");
        assertThat(add.sources()).containsExactly("https://h/x");
        assertThat(add.chmod()).isEqualTo(Optional.empty());
    }
}
