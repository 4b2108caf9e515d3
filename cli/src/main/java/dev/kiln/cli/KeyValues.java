package dev.kiln.cli;

import dev.kiln.KilnException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code K=V} flag values (e.g. {@code --label}); a value without {@code =} is an empty value, as docker takes it. */
final class KeyValues {
    private KeyValues() {}

    static Map<String, String> parse(String flag, List<String> values) {
        var map = new LinkedHashMap<String, String>();
        for (var value : values) {
            int eq = value.indexOf('=');
            var key = eq < 0 ? value : value.substring(0, eq);
            if (key.isEmpty()) {
                throw new KilnException("invalid " + flag + " \"" + value + "\": expected KEY=VALUE");
            }
            map.put(key, eq < 0 ? "" : value.substring(eq + 1));
        }
        return map;
    }
}
