package dev.kiln.image;

import dev.kiln.KilnException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image name as {@code docker build}/{@code docker pull} read it, normalized the way the
 * distribution reference library does: {@code alpine} is {@code docker.io/library/alpine:latest}.
 *
 * <pre>
 * reference := name [ ":" tag ] [ "@" digest ]
 * name      := [domain "/"] path            domain := host [":" port]
 * </pre>
 * The first path element is a domain only if it contains {@code .} or {@code :}, is
 * {@code localhost}, or has an upper-case letter (upper case is never valid in a path).
 *
 * @param domain registry host and optional port, e.g. {@code docker.io}, {@code [::1]:5000}
 * @param path   repository path without the domain, e.g. {@code library/alpine}
 * @param tag    the tag, or null when only a digest pins the image
 * @param digest {@code algorithm:hex}, or null
 */
public record ImageReference(String domain, String path, String tag, String digest) {
    public static final String DOCKER_HUB = "docker.io";
    public static final String DEFAULT_TAG = "latest";
    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    private static final int MAX_PATH_LENGTH = 255;

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+])(?::[0-9]+)?");
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern PATH = Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile(
            "([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*):([0-9a-fA-F]{32,})");
    private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");

    public ImageReference {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(path, "path");
        String shown = domain + "/" + path;
        if (!DOMAIN.matcher(domain).matches()) {
            throw invalid(shown, "registry host \"" + domain + "\" is not a valid host[:port]");
        }
        checkPath(shown, path);
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw invalid(shown + ":" + tag, "tag \"" + tag + "\" must be 1-128 letters, digits, '_', '.' or '-' "
                    + "and not start with '.' or '-'");
        }
        if (digest != null) {
            checkDigest(shown + "@" + digest, digest);
        }
    }

    /** Parses a reference as a user types it, defaulting the domain, the library/ namespace and the tag. */
    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw invalid("", "repository name must have at least one component");
        }
        if (IMAGE_ID.matcher(text).matches()) {
            throw new KilnException("invalid repository name (" + text + "), cannot specify 64-byte hexadecimal "
                    + "strings; use sha256:" + text.substring(0, 12) + "… to name an image by digest");
        }
        String rest = text;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String[] domainAndPath = splitDomain(text, rest);
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
        return new ImageReference(domainAndPath[0], domainAndPath[1], tag, digest);
    }

    private static String[] splitDomain(String text, String name) {
        int slash = name.indexOf('/');
        String domain = DOCKER_HUB;
        String path = name;
        if (slash >= 0) {
            String first = name.substring(0, slash);
            if (first.equals("localhost") || first.contains(".") || first.contains(":")
                    || !first.equals(first.toLowerCase(Locale.ROOT))) {
                domain = first.equals(LEGACY_DOCKER_HUB) ? DOCKER_HUB : first;
                path = name.substring(slash + 1);
            }
        }
        if (domain.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
            path = OFFICIAL_PREFIX + path;
        }
        if (!path.equals(path.toLowerCase(Locale.ROOT))) {
            throw invalid(text, "repository name (" + path + ") must be lowercase");
        }
        if (path.isEmpty() || path.equals(OFFICIAL_PREFIX)) {
            throw invalid(text, "repository name must have at least one component");
        }
        return new String[] {domain, path};
    }

    /** {@code domain/path}, the name without tag or digest. */
    public String repository() {
        return domain + "/" + path;
    }

    public Optional<String> tagIfPresent() {
        return Optional.ofNullable(tag);
    }

    public Optional<String> digestIfPresent() {
        return Optional.ofNullable(digest);
    }

    /** What the registry API's manifest endpoint takes: the digest when pinned, else the tag. */
    public String manifestReference() {
        return digest != null ? digest : tag;
    }

    public boolean isDockerHub() {
        return domain.equals(DOCKER_HUB);
    }

    /** The host the registry API is served from; Docker Hub's differs from its name. */
    public String registryHost() {
        return isDockerHub() ? "registry-1.docker.io" : domain;
    }

    public ImageReference withTag(String newTag) {
        return new ImageReference(domain, path, Objects.requireNonNull(newTag, "newTag"), digest);
    }

    public ImageReference withDigest(String newDigest) {
        return new ImageReference(domain, path, tag, Objects.requireNonNull(newDigest, "newDigest"));
    }

    /** The name without Docker Hub's domain and {@code library/} namespace: {@code alpine}, {@code user/app}. */
    public String familiarName() {
        if (!isDockerHub()) {
            return repository();
        }
        String rest = path.startsWith(OFFICIAL_PREFIX) ? path.substring(OFFICIAL_PREFIX.length()) : path;
        return rest.indexOf('/') < 0 ? rest : path;
    }

    /** The short form {@code docker images} shows, e.g. {@code alpine:3.20} or {@code user/app@sha256:…}. */
    public String familiar() {
        return withSuffixes(familiarName());
    }

    /** The canonical form, e.g. {@code docker.io/library/alpine:latest}. */
    @Override
    public String toString() {
        return withSuffixes(repository());
    }

    private String withSuffixes(String name) {
        return name + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    private static void checkPath(String shown, String path) {
        if (path.length() > MAX_PATH_LENGTH) {
            throw invalid(shown, "repository name must not be more than " + MAX_PATH_LENGTH + " characters");
        }
        if (!path.equals(path.toLowerCase(Locale.ROOT))) {
            throw invalid(shown, "repository name (" + path + ") must be lowercase");
        }
        if (!PATH.matcher(path).matches()) {
            throw invalid(shown, "repository name (" + path + ") must be lowercase letters and digits in "
                    + "'/'-separated components, joined inside a component by '.', '_', '__' or dashes");
        }
    }

    private static void checkDigest(String shown, String digest) {
        var matcher = DIGEST.matcher(digest);
        if (!matcher.matches()) {
            throw invalid(shown, "digest \"" + digest + "\" must be algorithm:hex, e.g. sha256:<64 hex digits>");
        }
        int expectedLength = switch (matcher.group(1)) {
            case "sha256" -> 64;
            case "sha384" -> 96;
            case "sha512" -> 128;
            default -> throw invalid(shown, "unsupported digest algorithm \"" + matcher.group(1)
                    + "\" (use sha256, sha384 or sha512)");
        };
        String hex = matcher.group(2);
        if (hex.length() != expectedLength) {
            throw invalid(shown, "invalid checksum digest length: " + matcher.group(1) + " needs " + expectedLength
                    + " hex digits, got " + hex.length());
        }
        if (!hex.equals(hex.toLowerCase(Locale.ROOT))) {
            throw invalid(shown, "invalid checksum digest format: hex digits must be lower case");
        }
    }

    private static KilnException invalid(String text, String problem) {
        return new KilnException("invalid reference format: " + problem + " (in \"" + text + "\")");
    }
}
