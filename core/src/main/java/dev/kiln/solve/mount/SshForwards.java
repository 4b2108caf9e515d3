package dev.kiln.solve.mount;

import dev.kiln.KilnException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SSH agents a build may forward, from {@code kiln build --ssh} values in docker's syntax:
 * {@code default} (the agent at {@code $SSH_AUTH_SOCK}), {@code ID=SOCKET} or {@code ID=KEY[,KEY]}.
 */
public record SshForwards(Map<String, List<Path>> byId) {
    public SshForwards {
        var copy = new LinkedHashMap<String, List<Path>>();
        byId.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byId = java.util.Collections.unmodifiableMap(copy);
    }

    public static SshForwards none() {
        return new SshForwards(Map.of());
    }

    public static SshForwards parse(List<String> flags, Map<String, String> environment) {
        var forwards = new LinkedHashMap<String, List<Path>>();
        for (var flag : flags) {
            int eq = flag.indexOf('=');
            var id = eq < 0 ? flag : flag.substring(0, eq);
            if (id.isEmpty()) throw new KilnException("invalid --ssh " + flag + ": the id is empty; use default or "
                    + "ID=SOCKET_OR_KEY");
            List<Path> paths;
            if (eq >= 0 && !flag.substring(eq + 1).isEmpty()) {
                paths = Arrays.stream(flag.substring(eq + 1).split(",")).map(Path::of).toList();
            } else {
                var socket = environment.get("SSH_AUTH_SOCK");
                if (socket == null || socket.isEmpty()) {
                    throw new KilnException("invalid --ssh " + flag + ": SSH_AUTH_SOCK is not set; start an ssh-agent "
                            + "or give a socket or key path as " + id + "=PATH");
                }
                paths = List.of(Path.of(socket));
            }
            forwards.put(id, paths);
        }
        return new SshForwards(forwards);
    }
}
