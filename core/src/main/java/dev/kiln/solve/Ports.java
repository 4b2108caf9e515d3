package dev.kiln.solve;

import dev.kiln.dockerfile.instructions.InstructionException;
import dev.kiln.dockerfile.parser.SourceRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** EXPOSE port specs ({@code 80}, {@code 80/udp}, {@code 8000-8002/tcp}) as {@code port/proto}, as BuildKit parses them. */
final class Ports {
    private Ports() {}

    static List<String> parse(List<String> specs, SourceRange range) {
        var ports = new ArrayList<String>();
        for (var spec : specs) {
            ports.addAll(parseOne(spec, range));
        }
        return ports;
    }

    private static List<String> parseOne(String spec, SourceRange range) {
        var parts = spec.split(":", -1);
        var container = parts[parts.length - 1];
        int slash = container.indexOf('/');
        var port = slash < 0 ? container : container.substring(0, slash);
        var proto = slash < 0 ? "" : container.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (port.isEmpty()) {
            throw new InstructionException(range, "no port specified: " + container + "<empty>");
        }
        if (proto.isEmpty()) {
            proto = "tcp";
        } else if (!List.of("tcp", "udp", "sctp").contains(proto)) {
            throw new InstructionException(range, "invalid proto: " + proto);
        }
        var bounds = range(port, range);
        var result = new ArrayList<String>();
        for (long p = bounds[0]; p <= bounds[1]; p++) {
            result.add(p + "/" + proto);
        }
        return result;
    }

    private static long[] range(String port, SourceRange range) {
        var parts = port.split("-", -1);
        try {
            if (parts.length == 1) {
                long p = portNumber(parts[0]);
                return new long[] {p, p};
            }
            if (parts.length == 2) {
                long start = portNumber(parts[0]);
                long end = portNumber(parts[1]);
                if (end >= start) {
                    return new long[] {start, end};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InstructionException(range, "invalid containerPort: " + port);
    }

    private static long portNumber(String text) {
        long value = Long.parseLong(text);
        if (value < 0 || value > 65535) {
            throw new NumberFormatException(text);
        }
        return value;
    }
}
