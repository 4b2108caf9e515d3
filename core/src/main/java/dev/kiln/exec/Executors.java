package dev.kiln.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Picks how steps run: an OCI runtime when one is installed, else chroot isolation. */
public final class Executors {
    /** Environment variable naming the runtime: a name on PATH, an absolute path, or {@code chroot}. */
    public static final String RUNTIME_ENV = "KILN_RUNTIME";
    private static final List<String> RUNTIMES = List.of("runc", "crun");

    private Executors() {}

    /** Uses {@value #RUNTIME_ENV} when set; otherwise the first of runc, crun on PATH; otherwise chroot. */
    public static Executor detect(Path workRoot, Consumer<String> notices) {
        return choose(System.getenv(RUNTIME_ENV), System.getenv("PATH"), workRoot, notices);
    }

    /** @param choice a runtime name or path, "chroot", or null/blank for automatic */
    public static Executor choose(String choice, String searchPath, Path workRoot, Consumer<String> notices) {
        if (choice != null && choice.equals("chroot")) return chroot(workRoot, notices);
        if (choice != null && !choice.isBlank()) {
            Path runtime = find(choice, searchPath).orElseThrow(() -> new ExecException("OCI runtime " + choice
                    + " (from " + RUNTIME_ENV + ") is not an executable on PATH; install it or unset " + RUNTIME_ENV));
            return new RuncExecutor(runtime, workRoot);
        }
        for (String name : RUNTIMES) {
            Optional<Path> runtime = find(name, searchPath);
            if (runtime.isPresent()) return new RuncExecutor(runtime.get(), workRoot);
        }
        return chroot(workRoot, notices);
    }

    private static Executor chroot(Path workRoot, Consumer<String> notices) {
        if (find("unshare", System.getenv("PATH")).isEmpty()) {
            throw new ExecException("cannot run RUN steps: neither an OCI runtime (runc, crun) nor util-linux's "
                    + "unshare is installed; install runc (e.g. apt-get install runc)");
        }
        ChrootExecutor executor = new ChrootExecutor(workRoot);
        notices.accept("RUN steps use " + executor.isolation());
        return executor;
    }

    static Optional<Path> find(String name, String searchPath) {
        if (name.contains("/")) return Optional.of(Path.of(name)).filter(Files::isExecutable);
        if (searchPath == null) return Optional.empty();
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
