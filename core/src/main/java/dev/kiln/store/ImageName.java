package dev.kiln.store;

import dev.kiln.image.Digest;
import java.util.regex.Pattern;

/**
 * A Docker-style image name, {@code [registry/]path[:tag][@digest]}, normalised as docker does:
 * {@code hello} is {@code docker.io/library/hello:latest}.
 */
public record ImageName(String domain, String path, String tag, Digest digest) {
    private static final String DOCKER_HUB = "docker.io";
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]+)?|\\[[0-9a-fA-F:]+](?::[0-9]+)?");

    public static ImageName parse(String text) {
        String rest = text.trim();
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = parseDigest(text, rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(text, "tag '" + tag + "' may hold only letters, digits, '_', '.' and '-' (at most 128)");
            }
        }
        String domain = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0 && isDomain(rest.substring(0, slash))) {
            domain = rest.substring(0, slash).equals("index.docker.io") ? DOCKER_HUB : rest.substring(0, slash);
            rest = rest.substring(slash + 1);
            if (!DOMAIN.matcher(domain).matches()) {
                throw invalid(text, "registry '" + domain + "' is not a host name with an optional port");
            }
        }
        if (domain.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        for (String component : rest.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw invalid(text, "repository names must be lower case letters, digits and separators ('.', '_', '-')");
            }
        }
        if (tag.isEmpty() && digest == null) {
            tag = "latest";
        }
        return new ImageName(domain, rest, tag, digest);
    }

    /** {@code docker.io/library/hello:latest}: the name containerd stores. */
    public String fullName() {
        return domain + "/" + path + suffix();
    }

    /** {@code hello:latest}: the short name docker shows. */
    public String familiarName() {
        String shortPath = path;
        if (domain.equals(DOCKER_HUB)) {
            shortPath = path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
            return shortPath + suffix();
        }
        return domain + "/" + shortPath + suffix();
    }

    private String suffix() {
        return (tag.isEmpty() ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    @Override
    public String toString() {
        return fullName();
    }

    private static boolean isDomain(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase());
    }

    private static Digest parseDigest(String text, String digest) {
        try {
            return Digest.parse(digest);
        } catch (RuntimeException e) {
            throw invalid(text, e.getMessage());
        }
    }

    private static StoreException invalid(String text, String problem) {
        return new StoreException("invalid image name '" + text + "': " + problem);
    }
}
