package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three JVMs update one index.json at once; the file lock must keep every name. */
class CrossProcessNamesTest {
    @TempDir
    Path dir;

    @Test
    void concurrentProcessesLoseNoNames() throws Exception {
        Path store = dir.resolve("store");
        Store.open(store);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (String prefix : List.of("a", "b", "c")) {
            processes.add(new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    NamesMain.class.getName(), store.toString(), prefix, "30").inheritIO().start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        ImageNames names = Store.open(store).names();
        assertThat(names.list()).hasSize(90);
        assertThat(names.get("b29")).isPresent();
        assertThat(Store.open(store).blobs().fsck().ok()).isTrue();
    }
}
