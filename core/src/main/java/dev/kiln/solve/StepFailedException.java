package dev.kiln.solve;

import dev.kiln.KilnException;

import java.util.List;

/** A RUN step that exited non-zero: names the stage, the instruction and its line, the exit code and the output's tail. */
public final class StepFailedException extends KilnException {
    private final int exitCode;

    StepFailedException(String location, String stepName, int exitCode, List<String> lastLines) {
        super(message(location, stepName, exitCode, lastLines));
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    private static String message(String location, String stepName, int exitCode, List<String> lastLines) {
        var text = new StringBuilder(location).append(": ").append(stepName)
                .append(" failed with exit code ").append(exitCode);
        if (lastLines.isEmpty()) {
            text.append(" (it printed nothing)");
        } else {
            text.append("\nlast ").append(lastLines.size()).append(" line(s) of its output:");
            lastLines.forEach(line -> text.append("\n  ").append(line));
        }
        return text.toString();
    }
}
