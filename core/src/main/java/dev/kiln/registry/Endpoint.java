package dev.kiln.registry;

import java.net.URI;

/**
 * Where a registry's API answers: {@code docker.io} is served by {@code registry-1.docker.io};
 * loopback hosts and configured insecure registries speak plain HTTP, all others HTTPS.
 */
record Endpoint(String registry, String host, boolean plainHttp) {
    static final String DOCKER_HUB = "docker.io";
    static final String DOCKER_HUB_API = "registry-1.docker.io";

    /** The endpoint of {@code host} (a registry or a mirror) serving {@code registry}'s content. */
    static Endpoint of(String registry, String host, RegistryConfig config) {
        String api = host.equals(DOCKER_HUB) || host.equals("index.docker.io") ? DOCKER_HUB_API : host;
        return new Endpoint(registry, api, isLoopback(api) || config.isInsecure(host) || config.isInsecure(api));
    }

    /** True when this host serves another registry's content. */
    boolean isMirror() {
        return !host.equals(registry) && !(registry.equals(DOCKER_HUB) && host.equals(DOCKER_HUB_API));
    }

    /** The name whose credential this endpoint takes: the registry's, or the mirror's own host. */
    String credentialKey() {
        return isMirror() ? host : registry;
    }

    URI uri(String pathAndQuery) {
        return URI.create((plainHttp ? "http://" : "https://") + host + pathAndQuery);
    }

    /** True for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}, with or without a port. */
    static boolean isLoopback(String hostAndPort) {
        String host = hostName(hostAndPort);
        if (host.equals("localhost") || host.equals("::1")) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String hostName(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            return close < 0 ? hostAndPort : hostAndPort.substring(1, close);
        }
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 || hostAndPort.indexOf(':') != colon ? hostAndPort : hostAndPort.substring(0, colon);
    }

    @Override
    public String toString() {
        return isMirror() ? host + " (mirror of " + registry + ")" : registry;
    }
}
