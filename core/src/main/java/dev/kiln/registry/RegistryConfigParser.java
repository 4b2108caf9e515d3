package dev.kiln.registry;

import dev.kiln.KilnException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small TOML subset Kiln's config needs, read by hand:
 * <pre>
 * # comment
 * [registry."docker.io"]
 * mirrors = ["127.0.0.1:5000", "mirror.example:443"]
 * [registry."myreg:5000"]
 * insecure = true
 * </pre>
 * Tables other than {@code registry.<name>} are skipped, so other parts of Kiln may use the file.
 */
final class RegistryConfigParser {
    private static final Pattern TABLE = Pattern.compile("\\[\\s*([^\\]]*?)\\s*]");
    private static final Pattern REGISTRY_TABLE = Pattern.compile("registry\\.(?:\"([^\"]+)\"|([A-Za-z0-9_.-]+))");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(.+)");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");

    private final String source;
    private final Map<String, List<String>> mirrors = new HashMap<>();
    private final Set<String> insecure = new HashSet<>();
    private String registry;
    private boolean otherTable;
    private int line;

    RegistryConfigParser(String source) {
        this.source = source;
    }

    RegistryConfig parse(String text) {
        for (String raw : text.split("\\R", -1)) {
            line++;
            String content = stripComment(raw).strip();
            if (!content.isEmpty()) {
                parseLine(content);
            }
        }
        return new RegistryConfig(mirrors, insecure);
    }

    private void parseLine(String content) {
        Matcher table = TABLE.matcher(content);
        if (table.matches()) {
            enterTable(table.group(1));
            return;
        }
        Matcher kv = KEY_VALUE.matcher(content);
        if (!kv.matches()) {
            throw error("expected [table] or key = value, got '" + content + "'");
        }
        if (otherTable) {
            return;
        }
        if (registry == null) {
            throw error("'" + kv.group(1) + "' must be inside a [registry.\"host\"] table");
        }
        switch (kv.group(1)) {
            case "mirrors" -> mirrors.put(registry, stringArray(kv.group(2).strip()));
            case "insecure" -> {
                if (bool(kv.group(2).strip())) {
                    insecure.add(registry);
                } else {
                    insecure.remove(registry);
                }
            }
            default -> throw error("unknown registry setting '" + kv.group(1) + "': use mirrors or insecure");
        }
    }

    private void enterTable(String name) {
        Matcher reg = REGISTRY_TABLE.matcher(name);
        if (reg.matches()) {
            registry = reg.group(1) != null ? reg.group(1) : reg.group(2);
            otherTable = false;
        } else if (name.equals("registry") || name.startsWith("registry.")) {
            throw error("bad table [" + name + "]: write [registry.\"host:port\"]");
        } else {
            registry = null;
            otherTable = true;
        }
    }

    private List<String> stringArray(String value) {
        if (!value.startsWith("[") || !value.endsWith("]")) {
            throw error("mirrors must be a list of strings on one line, e.g. [\"127.0.0.1:5000\"]");
        }
        String inner = value.substring(1, value.length() - 1).strip();
        List<String> items = new ArrayList<>();
        Matcher m = STRING.matcher(inner);
        int at = 0;
        while (at < inner.length()) {
            if (!m.find(at) || m.start() != at) {
                throw error("mirrors must be a list of strings, e.g. [\"127.0.0.1:5000\"]; cannot read '" + inner.substring(at) + "'");
            }
            String host = m.group(1).strip();
            if (host.isEmpty() || host.contains("/")) {
                throw error("mirror '" + host + "' must be host[:port], without a scheme or path");
            }
            items.add(host);
            at = skipSeparator(inner, m.end());
        }
        return items;
    }

    private int skipSeparator(String inner, int at) {
        int i = at;
        while (i < inner.length() && Character.isWhitespace(inner.charAt(i))) {
            i++;
        }
        if (i < inner.length()) {
            if (inner.charAt(i) != ',') {
                throw error("expected ',' between mirrors");
            }
            i++;
            while (i < inner.length() && Character.isWhitespace(inner.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error("insecure must be true or false, got '" + value + "'");
        };
    }

    private static String stripComment(String raw) {
        boolean quoted = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return raw.substring(0, i);
            }
        }
        return raw;
    }

    private KilnException error(String problem) {
        return new KilnException(source + ":" + line + ": " + problem);
    }
}
