package dev.kiln.dockerfile.ignore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The incremental API agrees with the one-shot one, and makes a large walk cheap. */
class PatternMatcherWalkTest {
    private static final List<String> PATTERNS = List.of(
            "**/*.log", "build", "!build/keep/**", "docs/*/draft*", "node_modules", "!**/important.log", "[a-c]?/x");

    @Test
    @Timeout(30)
    void walkingTwentyThousandFilesKeepsExactlyWhatOneShotMatchingKeeps(@TempDir Path context) throws IOException {
        List<String> all = createTree(context);
        PatternMatcher matcher = PatternMatcher.compile(PATTERNS);

        List<String> walked = ContextWalk.keptFiles(context, matcher);
        List<String> expected = all.stream().filter(path -> !matcher.matches(path)).sorted().toList();

        assertThat(all).hasSizeGreaterThanOrEqualTo(20_000);
        assertThat(walked).isEqualTo(expected);
        assertThat(walked).contains("build/keep/k0.txt", "a/important.log", "src/s0/f0.txt")
                .doesNotContain("build/b0.txt", "a/x0.log", "node_modules/m0/f0.txt", "docs/d0/draft0.md", "ab/x")
                .contains("zz/x");
    }

    @Test
    void skipsAnExcludedDirectoryOnlyWhenNoExceptionCanReachBelowIt() {
        PatternMatcher matcher = PatternMatcher.compile(List.of("build", "node_modules", "!build/keep"));
        MatchState build = matcher.matchesUsingParentResults("build", MatchState.NONE);
        MatchState modules = matcher.matchesUsingParentResults("node_modules", MatchState.NONE);
        MatchState src = matcher.matchesUsingParentResults("src", MatchState.NONE);

        assertThat(build.excluded()).isTrue();
        assertThat(matcher.canSkipDirectory("build", build)).isFalse();
        assertThat(matcher.canSkipDirectory("node_modules", modules)).isTrue();
        assertThat(matcher.canSkipDirectory("src", src)).isFalse();
        assertThat(matcher.matchesUsingParentResults("build/keep", build).excluded()).isFalse();
        assertThat(matcher.matchesUsingParentResults("build/other", build).excluded()).isTrue();
    }

    @Test
    void wildcardExceptionsPreventSkipping() {
        PatternMatcher matcher = PatternMatcher.compile(List.of("vendor", "!**/LICENSE"));
        MatchState vendor = matcher.matchesUsingParentResults("vendor", MatchState.NONE);

        assertThat(matcher.canSkipDirectory("vendor", vendor)).isFalse();
        assertThat(matcher.matches("vendor/lib/LICENSE")).isFalse();
        assertThat(matcher.matches("vendor/lib/code.go")).isTrue();
    }

    private static List<String> createTree(Path context) throws IOException {
        List<String> files = new ArrayList<>();
        for (String top : List.of("a", "b", "src", "build", "docs", "node_modules", "ab", "zz")) {
            for (int d = 0; d < 25; d++) {
                Path dir = Files.createDirectories(context.resolve(top).resolve(sub(top, d)));
                for (int f = 0; f < 100; f++) {
                    String name = switch (f % 4) {
                        case 0 -> "f" + f + ".txt";
                        case 1 -> "x" + f + ".log";
                        case 2 -> "draft" + f + ".md";
                        default -> f == 3 ? "important.log" : "y" + f;
                    };
                    if (Files.notExists(dir.resolve(name))) {
                        Files.writeString(dir.resolve(name), name);
                        files.add(context.relativize(dir.resolve(name)).toString());
                    }
                }
            }
            for (String name : List.of("f0.txt", "x0.log", "important.log", "k0.txt", "b0.txt", "draft0.md", "x")) {
                Files.writeString(context.resolve(top).resolve(name), name);
                files.add(top + "/" + name);
            }
        }
        Files.createDirectories(context.resolve("build/keep"));
        Files.writeString(context.resolve("build/keep/k0.txt"), "k");
        files.add("build/keep/k0.txt");
        return files;
    }

    private static String sub(String top, int d) {
        return switch (top) {
            case "node_modules" -> "m" + d;
            case "docs" -> "d" + d;
            default -> top.charAt(0) + "" + d;
        };
    }
}
