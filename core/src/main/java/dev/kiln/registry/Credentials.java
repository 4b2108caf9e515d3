package dev.kiln.registry;

import java.util.Map;
import java.util.Optional;

/**
 * Where the client finds the credential for a registry (as the reference names it, e.g.
 * {@code docker.io} or {@code myreg:5000}). The docker {@code config.json} store plugs in here.
 */
@FunctionalInterface
public interface Credentials {
    Optional<Credential> lookup(String registry);

    static Credentials anonymous() {
        return registry -> Optional.empty();
    }

    static Credentials of(Map<String, Credential> byRegistry) {
        Map<String, Credential> copy = Map.copyOf(byRegistry);
        return registry -> Optional.ofNullable(copy.get(registry));
    }

    static Credentials of(String registry, String username, String password) {
        return of(Map.of(registry, new Credential(username, password)));
    }
}
