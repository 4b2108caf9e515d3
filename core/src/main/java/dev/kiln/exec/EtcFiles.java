package dev.kiln.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The /etc/hosts and /etc/resolv.conf a step sees, generated beside the bundle and bind-mounted. */
record EtcFiles(Path hosts, Path resolvConf) {
    private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");
    private static final String FALLBACK_DNS = "nameserver 8.8.8.8\nnameserver 8.8.4.4\n";

    static EtcFiles write(Path dir, ExecSpec spec) {
        try {
            Path hosts = Files.writeString(dir.resolve("hosts"), hostsFor(spec.hostname()));
            Path resolv = Files.writeString(dir.resolve("resolv.conf"), resolvConf(spec.network()));
            return new EtcFiles(hosts, resolv);
        } catch (IOException e) {
            throw new ExecException("cannot write /etc/hosts and /etc/resolv.conf for the step in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    static String hostsFor(String hostname) {
        return "127.0.0.1\tlocalhost " + hostname + "\n::1\tlocalhost ip6-localhost ip6-loopback\n";
    }

    /**
     * The host's resolvers. A loopback resolver works only in the host's network namespace, so elsewhere
     * it is dropped, and public resolvers stand in when nothing is left (as BuildKit does).
     */
    static String resolvConf(ExecSpec.Network network) throws IOException {
        if (!Files.isReadable(HOST_RESOLV_CONF)) return FALLBACK_DNS;
        List<String> lines = Files.readAllLines(HOST_RESOLV_CONF);
        if (network == ExecSpec.Network.HOST) return String.join("\n", lines) + "\n";
        boolean usable = lines.stream().anyMatch(l -> l.startsWith("nameserver") && !isLoopbackServer(l));
        if (!usable) return FALLBACK_DNS;
        List<String> kept = lines.stream().filter(l -> !isLoopbackServer(l)).toList();
        return String.join("\n", kept) + "\n";
    }

    private static boolean isLoopbackServer(String line) {
        String[] parts = line.trim().split("\\s+");
        return parts.length > 1 && parts[0].equals("nameserver")
                && (parts[1].startsWith("127.") || parts[1].equals("::1"));
    }

    List<String> destinations() {
        return List.of("/etc/hosts", "/etc/resolv.conf");
    }
}
