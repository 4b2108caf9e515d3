package dev.kiln.progress;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What plain and tty print after the step log: the output tail of each failed step (framed by
 * {@code ------} as BuildKit does), the warnings, and the summary of a successful build.
 */
final class BuildReport {
    private record FailedStep(String name, List<String> tail) {}

    private final List<FailedStep> failures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Summary summary;

    void failed(String stepName, List<String> tail) {
        failures.add(new FailedStep(stepName, tail));
    }

    void warning(String text) {
        warnings.add(text);
    }

    void finished(Summary summary) {
        this.summary = summary;
    }

    void print(PrintWriter out) {
        for (FailedStep failure : failures) {
            out.print("------\n");
            out.print(" > " + failure.name() + ":\n");
            failure.tail().forEach(line -> out.print(line + "\n"));
            out.print("------\n");
        }
        if (!warnings.isEmpty()) {
            out.print("\n " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings") + " found:\n");
            warnings.forEach(text -> out.print(" - " + text + "\n"));
        }
        if (summary != null) {
            out.print("\n");
            SummaryText.lines(summary).forEach(line -> out.print(line + "\n"));
        }
        out.flush();
    }
}
