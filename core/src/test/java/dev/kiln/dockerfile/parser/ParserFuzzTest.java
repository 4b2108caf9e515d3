package dev.kiln.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kiln.dockerfile.DockerfileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Parses 100,000 random mutations of the conformance Dockerfiles: the parser may reject them, but
 * only with a DockerfileException, and whatever it accepts must dump.
 */
@DisabledIfSystemProperty(named = "kiln.quick", matches = ".*")
class ParserFuzzTest {
    private static final int INPUTS = 100_000;
    private static final long SEED = 0x6b696c6eL;

    @Test
    void mutatedDockerfilesNeverCrashTheParser() {
        List<String> seeds = ParserConformance.allDockerfiles().stream().map(ParserConformance::read).toList();
        var mutator = new DockerfileMutator(seeds, new Random(SEED));
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < INPUTS; i++) {
            String input = mutator.next();
            try {
                ParsedDockerfile parsed = DockerfileParser.parse("Dockerfile", input);
                assertThat(NodeDump.dump(parsed)).isNotNull();
                parsed.children().forEach(NodeDump::dump);
                accepted++;
            } catch (DockerfileException expected) {
                assertThat(expected.getMessage()).startsWith("Dockerfile");
                rejected++;
            } catch (RuntimeException | StackOverflowError bug) {
                fail("input #" + i + " " + NodeDump.quote(input) + " crashed the parser", bug);
            }
        }
        assertThat(seeds).hasSizeGreaterThan(30);
        assertThat(accepted + rejected).isEqualTo(INPUTS);
        assertThat(rejected).as("mutations that are rejected").isGreaterThan(INPUTS / 100);
        assertThat(accepted).as("mutations that still parse").isGreaterThan(INPUTS / 2);
    }

    @Test
    void pathologicalInputsStayFast() {
        String deepJson = "FROM a\nRUN " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
        String manyContinuations = "FROM a\nRUN a \\\n" + "b \\\n\n".repeat(50_000) + "c\n";
        String manyHeredocs = "FROM a\nRUN" + " <<A".repeat(5_000) + "\n" + "A\n".repeat(5_000);
        long start = System.nanoTime();

        for (String input : List.of(deepJson, manyContinuations, manyHeredocs)) {
            assertThat(DockerfileParser.parse("Dockerfile", input).children()).hasSize(2);
        }

        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(10_000);
    }

    @Test
    void seedsIncludeEveryConformanceDockerfile() {
        assertThat(ParserConformance.allDockerfiles()).contains(Path.of("../shared/conformance/parser/testfile-line/Dockerfile"));
    }
}
