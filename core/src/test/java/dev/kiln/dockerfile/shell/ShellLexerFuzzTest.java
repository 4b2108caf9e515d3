package dev.kiln.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.KilnException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random words built from the lexer's syntax fragments: whatever the input, the lexer either
 * answers or throws a {@link KilnException}, and both entry points agree on which.
 */
class ShellLexerFuzzTest {
    private static final long SEED = 0x6b696c6eL;
    private static final int WORDS = 100_000;
    private static final String[] FRAGMENTS = {
        "$", "${", "}", ":-", ":+", ":?", ":=", "-", "+", "?", "#", "##", "%", "%%", "/", "//", "'", "\"",
        "\\", "`", "a", "b", "PWD", "EMPTY", " ", "\t", "*", "<<", "<", ":", "{", "0", "1", "@", "$$", "é", "\n"
    };
    private static final Map<String, String> ENV = Map.of(
            "a", "x y", "b", "a*b?c", "PWD", "/home", "EMPTY", "", "1", "one", "ab", " lead trail ");

    @Test
    @Timeout(60)
    void neverThrowsAnythingButKilnException() {
        Random random = new Random(SEED);
        ShellLexer[] lexers = {new ShellLexer('\\'), new ShellLexer('`')};
        int expanded = 0;
        for (int i = 0; i < WORDS; i++) {
            String word = randomWord(random);
            for (ShellLexer lexer : lexers) {
                Outcome single = attempt(() -> lexer.processWord(word, ENV));
                Outcome split = attempt(() -> lexer.processWords(word, ENV));
                assertThat(split.failed()).as("both entry points fail alike for [%s]", word).isEqualTo(single.failed());
                expanded += single.failed() ? 0 : 1;
            }
        }
        assertThat(expanded).as("the generator also produces valid words").isGreaterThan(WORDS / 4);
    }

    @Test
    void plainWordsExpandToThemselvesAndSplitAtBlanks() {
        Random random = new Random(SEED);
        ShellLexer lexer = new ShellLexer('\\');
        for (int i = 0; i < 1_000; i++) {
            StringBuilder word = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                word.append(random.nextBoolean() ? "ab" : random.nextBoolean() ? " " : "\t");
            }
            String text = word.toString();
            assertThat(lexer.processWord(text, ENV)).isEqualTo(text);
            assertThat(lexer.processWords(text, ENV))
                    .isEqualTo(List.of(text.strip().split("\\s+")).stream().filter(w -> !w.isEmpty()).toList());
        }
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "${a:-".repeat(100_000) + "x" + "}".repeat(100_000);
        assertThatThrownBy(() -> new ShellLexer('\\').processWord(deep, Map.of()))
                .isInstanceOf(ShellExpansionException.class)
                .hasMessageContaining("nested");
        String quoted = "\"${a:-".repeat(50_000);
        assertThatThrownBy(() -> new ShellLexer('\\').processWords(quoted, Map.of()))
                .isInstanceOf(ShellExpansionException.class);
    }

    private static String randomWord(Random random) {
        StringBuilder word = new StringBuilder();
        for (int n = random.nextInt(16); n > 0; n--) {
            word.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return word.toString();
    }

    private record Outcome(boolean failed) {}

    private static Outcome attempt(Supplier<?> call) {
        try {
            call.get();
            return new Outcome(false);
        } catch (KilnException e) {
            return new Outcome(true);
        }
    }
}
