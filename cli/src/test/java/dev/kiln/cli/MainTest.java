package dev.kiln.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void versionNamesKilnAndJava() {
        var result = run("--version");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("kiln ").contains("Java 25");
    }

    @Test
    void unknownFlagFailsWithUsage() {
        var result = run("build", "--no-such-flag", ".");
        assertThat(result.code()).isNotZero();
        assertThat(result.err()).contains("--no-such-flag");
    }
}
