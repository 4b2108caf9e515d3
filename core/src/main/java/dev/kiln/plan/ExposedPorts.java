package dev.kiln.plan;

import java.util.Locale;
import java.util.Optional;

/**
 * How BuildKit reads one EXPOSE word ({@code [ip:][hostPort:]port[/proto]}) far enough for its two
 * checks: ExposeProtoCasing and ExposeInvalidFormat.
 *
 * @param ip       the host IP part, empty when not given
 * @param hostPort the host port part, empty when not given
 * @param proto    the protocol as written ({@code tcp} when not given)
 */
record ExposedPorts(String ip, String hostPort, String proto) {

    /** Empty for a word BuildKit rejects before its checks (no port, unknown protocol): the build reports it. */
    static Optional<ExposedPorts> read(String word) {
        var parts = word.split(":", -1);
        int n = parts.length;
        var container = parts[n - 1];
        var hostPort = n >= 2 ? parts[n - 2] : "";
        var ip = n >= 3 ? String.join(":", java.util.Arrays.copyOf(parts, n - 2)) : "";
        int slash = container.indexOf('/');
        var port = slash < 0 ? container : container.substring(0, slash);
        var proto = slash < 0 ? "" : container.substring(slash + 1);
        if (port.isEmpty()) {
            return Optional.empty();
        }
        return switch (proto.toLowerCase(Locale.ROOT)) {
            case "" -> Optional.of(new ExposedPorts(ip, hostPort, "tcp"));
            case "tcp", "udp", "sctp" -> Optional.of(new ExposedPorts(ip, hostPort, proto));
            default -> Optional.empty();
        };
    }

    boolean protoNotLowercase() {
        return !proto.equals(proto.toLowerCase(Locale.ROOT));
    }

    boolean mapsHost() {
        return !ip.isEmpty() || !hostPort.isEmpty();
    }
}
