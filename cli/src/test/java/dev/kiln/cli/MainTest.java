package dev.kiln.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** {@link #run} with the store at {@code storeRoot} ({@code KILN_HOME}), the rest of the environment as it is. */
    static Result runWithStore(Path storeRoot, String... args) {
        var variables = new HashMap<>(System.getenv());
        variables.put("KILN_HOME", storeRoot.toString());
        return ScopedValue.where(CliEnvironment.VARIABLES, Map.copyOf(variables)).call(() -> run(args));
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
