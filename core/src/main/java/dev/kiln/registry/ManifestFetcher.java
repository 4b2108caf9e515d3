package dev.kiln.registry;

import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.MediaType;
import dev.kiln.store.Store;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Resolves tags and fetches manifests (or indexes) by digest, verified and kept in the store. */
final class ManifestFetcher {
    static final String ACCEPT = String.join(", ", MediaType.OCI_MANIFEST.value(), MediaType.OCI_INDEX.value(),
            MediaType.DOCKER_MANIFEST.value(), MediaType.DOCKER_MANIFEST_LIST.value());
    private static final int MAX_MANIFEST = 4 * 1024 * 1024;

    /** A manifest's exact bytes, their digest and their media type. */
    record Fetched(Digest digest, MediaType mediaType, byte[] bytes) {
    }

    private final RegistrySession session;
    private final Store store;
    private final String repository;

    ManifestFetcher(RegistrySession session, Store store, String repository) {
        this.session = session;
        this.store = store;
        this.repository = repository;
    }

    /** The digest a tag (or digest) names now: a HEAD first; a GET only when the registry does not say. */
    Fetched resolve(String reference) {
        if (reference.contains(":")) {
            return fetch(Digest.parse(reference), null);
        }
        Optional<Digest> digest = head(reference);
        if (digest.isPresent()) {
            return fetch(digest.get(), null);
        }
        return get(reference, null);
    }

    /** The manifest {@code digest}, from the store when it is there, else from the registry. */
    Fetched fetch(Digest digest, MediaType expectedType) {
        if (store.blobs().has(digest)) {
            byte[] bytes = store.blobs().readAll(digest);
            return new Fetched(digest, expectedType != null ? expectedType : declaredType(bytes, null), bytes);
        }
        return get(digest.toString(), digest);
    }

    private Optional<Digest> head(String tag) {
        String action = "resolve " + repository + ":" + tag;
        return session.send(Http.Call.of("HEAD", session.uri(repository, "manifests/" + tag), action)
                .header("Accept", ACCEPT), response -> {
            if (response.statusCode() != 200) {
                return Optional.<Digest>empty(); // a HEAD error has no body: the GET reports it with the registry's words
            }
            return response.headers().firstValue("Docker-Content-Digest").flatMap(ManifestFetcher::parseDigest);
        });
    }

    private Fetched get(String reference, Digest expected) {
        String action = "fetch manifest " + repository + (expected != null ? "@" : ":") + reference;
        Fetched fetched = session.send(Http.Call.of("GET", session.uri(repository, "manifests/" + reference), action)
                .header("Accept", ACCEPT), response -> {
            if (response.statusCode() != 200) {
                throw notFoundOr(action, response);
            }
            byte[] bytes = response.body().readNBytes(MAX_MANIFEST + 1);
            if (bytes.length > MAX_MANIFEST) {
                throw new RegistryException(session.endpoint().toString(), action, 200,
                        "the manifest is larger than " + MAX_MANIFEST + " bytes", "");
            }
            Digest claimed = expected != null ? expected
                    : response.headers().firstValue("Docker-Content-Digest").flatMap(ManifestFetcher::parseDigest).orElse(null);
            Digest actual = claimed != null ? Digest.of(claimed.algorithm(), bytes) : Digest.of(bytes);
            if (claimed != null && !claimed.equals(actual)) {
                throw new RegistryException(session.endpoint().toString(), action, 0,
                        "the manifest does not match its digest: expected " + claimed + ", got " + actual,
                        "the registry or a proxy in between sent corrupt data");
            }
            return new Fetched(actual, declaredType(bytes, contentType(response)), bytes);
        });
        store.blobs().write(new java.io.ByteArrayInputStream(fetched.bytes()), fetched.digest(), fetched.bytes().length);
        return fetched;
    }

    private RegistryException notFoundOr(String action, HttpResponse<java.io.InputStream> response) {
        if (response.statusCode() == 404) {
            RegistryException e = session.error(action, response);
            return new RegistryException(e.registry(), action, 404, e.registryMessage(),
                    "check the repository name and tag (and your access to it)");
        }
        return session.error(action, response);
    }

    private MediaType declaredType(byte[] bytes, String contentType) {
        String declared = ImageCodec.declaredMediaType(bytes);
        if (!declared.isEmpty()) {
            return MediaType.of(declared);
        }
        if (contentType != null && !contentType.isBlank() && !contentType.startsWith("application/json")) {
            return MediaType.of(contentType);
        }
        // OCI allows an absent mediaType: tell an index from a manifest by its shape.
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("\"manifests\"")
                ? MediaType.OCI_INDEX : MediaType.OCI_MANIFEST;
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip()).orElse(null);
    }

    private static Optional<Digest> parseDigest(String text) {
        try {
            return Optional.of(Digest.parse(text.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

}
