package dev.kiln.registry.auth;

import java.util.Locale;
import java.util.Set;

/**
 * The names credentials are filed under. Docker Hub's is the legacy v1 index URL; any other
 * registry's is its host[:port]. Older files may key a registry by a URL with scheme or path.
 */
final class ServerKeys {
    static final String DOCKER_HUB = "https://index.docker.io/v1/";
    private static final String DOCKER_HUB_HOST = "index.docker.io";
    private static final Set<String> DOCKER_HUB_ALIASES = Set.of("docker.io", DOCKER_HUB_HOST, "registry-1.docker.io");

    private ServerKeys() {
    }

    /** The key for {@code registry} as an image reference names it ({@code docker.io}, {@code host:5000}). */
    static String forRegistry(String registry) {
        return DOCKER_HUB_ALIASES.contains(hostOf(registry)) ? DOCKER_HUB : registry;
    }

    static boolean sameHost(String key, String otherKey) {
        return canonicalHost(key).equals(canonicalHost(otherKey));
    }

    private static String canonicalHost(String key) {
        String host = hostOf(key);
        return DOCKER_HUB_ALIASES.contains(host) ? DOCKER_HUB_HOST : host;
    }

    /** {@code https://host:5000/v2/} → {@code host:5000}. */
    private static String hostOf(String key) {
        String host = key;
        for (String scheme : new String[] {"https://", "http://"}) {
            if (host.regionMatches(true, 0, scheme, 0, scheme.length())) {
                host = host.substring(scheme.length());
            }
        }
        int slash = host.indexOf('/');
        return (slash >= 0 ? host.substring(0, slash) : host).toLowerCase(Locale.ROOT);
    }
}
