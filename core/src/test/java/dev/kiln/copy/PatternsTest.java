package dev.kiln.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.internal.paths.RootedPaths;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PatternsTest {
    @ParameterizedTest(name = "Match({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', value = {
            "*|abc|true", "*|a/b|false", "a*/b|abc/b|true", "a*/b|a/c/b|false", "a?c|abc|true", "a?c|a/c|false",
            "[a-c]|b|true", "[^a-c]|d|true", "[^a-c]|b|false", "[^a]|/|false", "\\*|*|true", "\\*|a|false",
            "[|a|false", "a[|a|false", "[]a]|]|true", "[x\\-]|-|true", "*.txt|.txt|true", "ab[0-9]*|ab7xyz|true"})
    void goFilepathMatch(String pattern, String name, boolean expected) {
        assertThat(Wildcards.matches(pattern, name)).isEqualTo(expected);
    }

    @Test
    void splitsAtTheFirstElementWithAWildcard() {
        assertThat(Wildcards.split("a/b/c*/d")).containsExactly("a/b", "c*/d");
        assertThat(Wildcards.split("a/b")).containsExactly("a/b", "");
        assertThat(Wildcards.split("a/b\\*")).containsExactly("a/b\\*", "");
    }

    @Test
    void dockerignoreStylePatterns() {
        var p = ContextFilter.compile(List.of("**/*.go", "docs", "!docs/keep.md", "*.md"));
        assertThat(p.excluded("a/b/c.go")).isTrue();
        assertThat(p.excluded("c.go")).isTrue();
        assertThat(p.excluded("docs/x/y.txt")).isTrue();
        assertThat(p.excluded("docs/keep.md")).isFalse();
        assertThat(p.excluded("readme.md")).isTrue();
        assertThat(p.excluded("sub/readme.md")).isFalse();
        assertThat(p.hasExceptions()).isTrue();
        assertThat(ContextFilter.compile(List.of("./a/../b/")).excluded("b/c")).isTrue();
        assertThatThrownBy(() -> ContextFilter.compile(List.of("!"))).hasMessageContaining("illegal exclusion pattern");
    }

    @Test
    void rootedPathsResolveLinksInsideTheRoot() {
        java.util.Map<String, String> links = java.util.Map.of("a/l", "../b", "b", "/c/d", "x", "../../..");
        assertThat(RootedPaths.resolve("a/l/f", links::get, RootedPaths.Escape.CLAMP)).isEqualTo("c/d/f");
        assertThat(RootedPaths.resolve("x/y", links::get, RootedPaths.Escape.CLAMP)).isEqualTo("y");
        assertThatThrownBy(() -> RootedPaths.resolve("x/y", links::get, RootedPaths.Escape.REFUSE))
                .hasMessageContaining("outside the build context");
        java.util.Map<String, String> loop = java.util.Map.of("p", "q", "q", "p");
        assertThatThrownBy(() -> RootedPaths.resolve("p", loop::get, RootedPaths.Escape.CLAMP))
                .hasMessageContaining("too many levels of symbolic links");
    }
}
