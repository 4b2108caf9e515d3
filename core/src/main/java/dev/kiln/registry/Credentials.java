package dev.kiln.registry;

import dev.kiln.registry.auth.DockerCredentials;
import dev.kiln.registry.auth.RegistryCredential;
import java.util.Map;
import java.util.Optional;

/**
 * Where the client finds the credential for a registry (as the reference names it, e.g.
 * {@code docker.io} or {@code myreg:5000}); a mirror is looked up under its own host.
 */
@FunctionalInterface
public interface Credentials {
    Optional<RegistryCredential> lookup(String registry);

    /** The docker CLI's credentials ({@code config.json}, credential helpers), read on each lookup. */
    static Credentials docker() {
        return DockerCredentials.fromEnvironment()::lookup;
    }

    static Credentials anonymous() {
        return registry -> Optional.empty();
    }

    static Credentials of(Map<String, RegistryCredential> byRegistry) {
        Map<String, RegistryCredential> copy = Map.copyOf(byRegistry);
        return registry -> Optional.ofNullable(copy.get(registry));
    }

    static Credentials of(String registry, String username, String password) {
        return of(Map.of(registry, RegistryCredential.basic(username, password)));
    }
}
