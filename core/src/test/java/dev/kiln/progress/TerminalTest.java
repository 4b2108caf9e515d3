package dev.kiln.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void aPipedStandardErrorIsKnownNotToBeATerminal() {
        // surefire connects the test JVM's stderr to a pipe
        assertThat(Terminal.isTerminal(Terminal.STDERR)).contains(false);
        assertThat(Terminal.size(Terminal.STDERR)).isEmpty();
    }

    @Test
    void insideAPseudoTerminalAutoChoosesTheLiveDisplayAndReadsItsSize() throws Exception {
        String output = runInPty("xterm");
        assertThat(output).contains("tty=true size=73x21");
        assertThat(output).contains("[+] Building").contains("CACHED [1/1] FROM scratch").contains("FINISHED");
        assertThat(output).doesNotContain("#1 CACHED");
    }

    @Test
    void aDumbTerminalGetsPlainText() throws Exception {
        String output = runInPty("dumb");
        assertThat(output).contains("tty=true").contains("#1 [1/1] FROM scratch").contains("#1 CACHED");
        assertThat(output).doesNotContain("[+] Building");
    }

    /** Runs {@link TerminalProbe} under util-linux {@code script}, which gives it a pseudo-terminal. */
    private static String runInPty(String term) throws IOException, InterruptedException {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "util-linux script is needed for a pseudo-terminal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "stty cols 73 rows 21; TERM=" + term + " " + java
                + " --enable-native-access=ALL-UNNAMED -cp " + System.getProperty("java.class.path")
                + " " + TerminalProbe.class.getName();
        Process process = new ProcessBuilder(List.of(script.toString(), "-qec", command, "/dev/null"))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(bytes, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
