package dev.kiln.cli;

import dev.kiln.KilnException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --build-arg K=V} values; a bare {@code K} takes the value of the environment variable K, if set. */
final class BuildArgs {
    private BuildArgs() {}

    static Map<String, String> parse(List<String> flags, Map<String, String> environment) {
        var args = new LinkedHashMap<String, String>();
        for (var flag : flags) {
            int eq = flag.indexOf('=');
            var name = eq < 0 ? flag : flag.substring(0, eq);
            if (name.isEmpty()) {
                throw new KilnException("invalid --build-arg \"" + flag + "\": expected NAME=VALUE or NAME");
            }
            if (eq >= 0) {
                args.put(name, flag.substring(eq + 1));
            } else if (environment.containsKey(name)) {
                args.put(name, environment.get(name));
            }
        }
        return args;
    }
}
