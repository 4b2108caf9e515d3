package dev.kiln.solve;

import java.util.Locale;
import java.util.Set;

/** Validates STOPSIGNAL values as moby's signal parser does: a number 1–255 or a Linux signal name. */
final class StopSignals {
    private static final Set<String> NAMES = Set.of(
            "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE",
            "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU",
            "UNUSED", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX");

    private StopSignals() {}

    static boolean isValid(String signal) {
        if (signal.matches("[0-9]+")) {
            try {
                int n = Integer.parseInt(signal);
                return n > 0 && n <= 255;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        var name = signal.toUpperCase(Locale.ROOT);
        name = name.startsWith("SIG") ? name.substring(3) : name;
        return NAMES.contains(name) || name.matches("RTMIN\\+([1-9]|1[0-5])") || name.matches("RTMAX-([1-9]|1[0-4])");
    }
}
