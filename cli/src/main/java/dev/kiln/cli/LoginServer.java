package dev.kiln.cli;

import dev.kiln.KilnException;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The registry {@code kiln login}/{@code logout} name: {@code host[:port]}, also accepted in docker's
 * spellings ({@code https://host:5000/v2/}, {@code https://index.docker.io/v1/}); Docker Hub by default.
 */
final class LoginServer {
    static final String DOCKER_HUB = "docker.io";
    private static final Set<String> DOCKER_HUB_ALIASES = Set.of("index.docker.io", "registry-1.docker.io");
    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "|\\[[0-9A-Fa-f:]+])(?::[0-9]{1,5})?");

    private LoginServer() {}

    static String of(String argument) {
        if (argument == null || argument.isBlank()) {
            return DOCKER_HUB;
        }
        var host = argument.strip();
        for (var scheme : new String[] {"https://", "http://"}) {
            if (host.regionMatches(true, 0, scheme, 0, scheme.length())) {
                host = host.substring(scheme.length());
            }
        }
        int slash = host.indexOf('/');
        host = slash >= 0 ? host.substring(0, slash) : host;
        if (!HOST.matcher(host).matches()) {
            throw new KilnException("invalid registry \"" + argument + "\": expected HOST[:PORT], "
                    + "e.g. 127.0.0.1:5000 or docker.io");
        }
        return DOCKER_HUB_ALIASES.contains(host.toLowerCase(Locale.ROOT)) ? DOCKER_HUB : host;
    }
}
