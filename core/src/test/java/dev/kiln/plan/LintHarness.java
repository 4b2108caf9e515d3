package dev.kiln.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans a Dockerfile the way {@code kiln build} does and lists its warnings as {@code line: message}. */
final class LintHarness {
    private LintHarness() {}

    static List<String> warnings(String dockerfile) {
        return warnings(dockerfile, Map.of(), List.of(), null);
    }

    static List<String> warnings(String dockerfile, Map<String, String> buildArgs) {
        return warnings(dockerfile, buildArgs, List.of(), null);
    }

    static List<String> warnings(String dockerfile, Map<String, String> buildArgs, List<String> dockerignore,
                                 String target) {
        var request = new BuildRequest(buildArgs, Optional.ofNullable(target), "linux/amd64", "linux/amd64");
        var plan = Frontend.plan("Dockerfile", dockerfile, request, dockerignore);
        return plan.warnings().stream()
                .map(w -> (w.range() == null ? "-" : String.valueOf(w.range().startLine())) + ": " + w.message())
                .toList();
    }
}
