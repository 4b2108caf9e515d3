package dev.kiln.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour the conformance files do not pin down; each expectation was checked against BuildKit's lexer. */
class ShellLexerTest {
    private final ShellLexer backslash = new ShellLexer('\\');
    private final ShellLexer backtick = new ShellLexer('`');

    @Test
    void backtickEscapeLeavesBackslashLiteral() {
        Map<String, String> env = Map.of("A", "v");
        assertThat(backtick.processWord("C:\\dir`$A", env)).isEqualTo("C:\\dir$A");
        assertThat(backtick.processWord("\"a`\"b\\n\"", env)).isEqualTo("a\"b\\n");
        assertThat(backtick.processWords("a` b c", env)).containsExactly("a b", "c");
    }

    @Test
    void replaceAllTreatsDollarZeroInTheReplacementAsTheMatch() {
        Map<String, String> env = Map.of("FOO", "foo");
        assertThat(backslash.processWord("${FOO//o/[\\$0]}", env)).isEqualTo("f[\\o][\\o]");
        assertThat(backslash.processWord("${FOO/o/[\\$0]}", env)).isEqualTo("f[\\$0]o");
    }

    @Test
    void replaceAllSkipsAnEmptyMatchRightAfterAMatch() {
        assertThat(backslash.processWord("${V//x*/-}", Map.of("V", "xax"))).isEqualTo("-");
        assertThat(backslash.processWord("${V//*/-}", Map.of("V", "abc"))).isEqualTo("-");
        assertThat(backslash.processWord("${V//*/-}", Map.of("V", ""))).isEqualTo("-");
    }

    @Test
    void suffixAndPrefixTrimming() {
        Map<String, String> env = Map.of("F", "archive.tar.gz");
        assertThat(backslash.processWord("${F%.*}", env)).isEqualTo("archive.tar");
        assertThat(backslash.processWord("${F%%.*}", env)).isEqualTo("archive");
        assertThat(backslash.processWord("${F#*.}", env)).isEqualTo("tar.gz");
        assertThat(backslash.processWord("${F##*.}", env)).isEqualTo("gz");
    }

    @Test
    void invalidPatternEscapeIsAnError() {
        assertThatThrownBy(() -> backslash.processWord("${F#\\a}", Map.of("F", "x")))
                .isInstanceOf(ShellExpansionException.class)
                .hasMessage("failed to process \"${F#\\\\a}\": invalid pattern (\\a) in substitution: invalid escape '\\a'");
    }

    @Test
    void errorMessagesNameTheWordAndTheProblem() {
        assertThatThrownBy(() -> backslash.processWord("he${}", Map.of()))
                .hasMessage("failed to process \"he${}\": syntax error: bad substitution");
        assertThatThrownBy(() -> backslash.processWord("\"open", Map.of()))
                .hasMessage("failed to process \"\\\"open\": unexpected end of statement while looking for matching double-quote");
        assertThatThrownBy(() -> backslash.processWord("${X:?}", Map.of("X", "")))
                .hasMessage("failed to process \"${X:?}\": X: is not allowed to be empty");
        assertThatThrownBy(() -> backslash.processWord("${X:=1}", Map.of()))
                .hasMessageEndingWith("unsupported modifier (:=) in substitution");
        assertThatThrownBy(() -> backslash.processWord("${X", Map.of()))
                .hasMessageEndingWith("syntax error: missing '}'");
        assertThatThrownBy(() -> backslash.processWord("${X/a", Map.of()))
                .hasMessageEndingWith("syntax error: missing '/' in ${}");
    }

    @Test
    void heredocMarkerKeepsItsBlanksInOneWord() {
        assertThat(backslash.processWords("cat << EOF", Map.of())).containsExactly("cat", "<< EOF");
        assertThat(backslash.processWords("a<b", Map.of())).containsExactly("a<b");
    }

    @Test
    void nestedModifierDropsTheTextBeforeItWhenSplittingAsBuildKitDoes() {
        assertThat(backslash.processWords("hello${a:-x}bye", Map.of())).containsExactly("xbye");
        assertThat(backslash.processWord("hello${a:-x}bye", Map.of())).isEqualTo("helloxbye");
        assertThat(backslash.processWords("hello ${a:-x y}bye", Map.of())).isEqualTo(List.of("hello", "x", "ybye"));
        assertThat(backslash.processWords("$A${B:-$C}", Map.of("A", "1"))).isEmpty();
    }

    @Test
    void leadingByteOrderMarkIsIgnoredAndUnicodeBlanksSplit() {
        assertThat(backslash.processWord("\uFEFFab", Map.of())).isEqualTo("ab");
        assertThat(backslash.processWords("$V", Map.of("V", "a\u00A0b\u3000c"))).containsExactly("a", "b", "c");
    }

    @Test
    void matchesReportEveryLookedUpName() {
        Expansion expansion = backslash.processWordWithMatches("$A${B:-$C}${D#x}", Map.of("A", "1", "D", ""));
        assertThat(expansion.result()).isEqualTo("1");
        assertThat(expansion.matched()).containsExactlyInAnyOrder("A", "D");
        assertThat(expansion.unmatched()).containsExactlyInAnyOrder("B", "C");
    }

    @Test
    void rawQuotesKeepTheQuoteCharactersAndSkipUnsetKeepsReferencesToUnsetVariables() {
        var display = new ShellLexer('\\', new ShellLexer.Options(true, true));
        Map<String, String> env = Map.of("V", "2", "EMPTY", "");
        assertThat(display.processWord("echo \"a$V\" '$V' $U ${U} $EMPTY.", env)).isEqualTo("echo \"a2\" '$V' $U ${U} .");
        assertThat(display.processWord("${U:-d} ${U:?no} ${U#x} ${V:+set}", env)).isEqualTo("${U:-d} ${U:?no} ${U#x} set");
        assertThat(display.processWord("${U//a/b} ${U/a/$V}", env)).isEqualTo("${U/a/b} ${U/a/2}");
        assertThat(display.processWord("a\\ b \\$V \"\\$V\"", env)).isEqualTo("a b $V \"$V\"");
        assertThat(backslash.processWord("\"a$V\" '$V' $U ${U:-d}", env)).isEqualTo("a2 $V  d");
    }
}
