package dev.kiln.registry;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageReference;
import dev.kiln.image.Platform;
import dev.kiln.registry.auth.RegistryCredential;
import dev.kiln.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulls images from and pushes images to registries speaking the OCI distribution spec, with
 * the local {@link Store} as source and destination. Thread-safe; tokens are cached across calls.
 */
public final class RegistryClient implements AutoCloseable {

    /** Tunables; {@link #defaults()} suits real use, tests shrink the delays and chunk sizes. */
    public record Options(RegistryConfig config, Credentials credentials, RetryPolicy retry, int parallelTransfers,
                          long chunkThreshold, int chunkSize) {
        public static final long DEFAULT_CHUNK_THRESHOLD = 32L << 20;
        public static final int DEFAULT_CHUNK_SIZE = 16 << 20;

        public static Options defaults() {
            return new Options(RegistryConfig.empty(), Credentials.anonymous(), RetryPolicy.DEFAULT, 3,
                    DEFAULT_CHUNK_THRESHOLD, DEFAULT_CHUNK_SIZE);
        }

        public Options withConfig(RegistryConfig newConfig) {
            return new Options(newConfig, credentials, retry, parallelTransfers, chunkThreshold, chunkSize);
        }

        public Options withCredentials(Credentials newCredentials) {
            return new Options(config, newCredentials, retry, parallelTransfers, chunkThreshold, chunkSize);
        }

        public Options withRetry(RetryPolicy newRetry) {
            return new Options(config, credentials, newRetry, parallelTransfers, chunkThreshold, chunkSize);
        }

        public Options withChunking(long newThreshold, int newChunkSize) {
            return new Options(config, credentials, retry, parallelTransfers, newThreshold, newChunkSize);
        }
    }

    private final Store store;
    private final Options options;
    private final Http http;
    private final BlobSources sources;
    private final Transfers transfers;
    private final Map<String, Authenticator> authenticators = new ConcurrentHashMap<>();

    public RegistryClient(Store store, Options options) {
        this.store = store;
        this.options = options;
        this.http = new Http(options.retry());
        this.sources = new BlobSources(store);
        this.transfers = new Transfers(options.parallelTransfers());
    }

    /** Pulls {@code reference} for {@code platform} and names it by its canonical name in the store. */
    public PulledImage pull(ImageReference reference, Platform platform) {
        RemoteRef ref = RemoteRef.of(reference);
        return pull(ref, platform, reference.toString());
    }

    /** Pushes the image the store names {@code localName} to {@code target}. */
    public Digest push(String localName, ImageReference target) {
        return push(localName, RemoteRef.of(target));
    }

    /** Pulls {@code ref} for the platform this JVM runs on and names it {@code ref} in the store. */
    public PulledImage pull(RemoteRef ref) {
        return pull(ref, Platform.current(), ref.storeName());
    }

    /**
     * Pulls {@code ref} (an index resolves to {@code platform}) into the store and names it
     * {@code localName}. Mirrors of the registry are tried in order, then the registry itself.
     */
    public PulledImage pull(RemoteRef ref, Platform platform, String localName) {
        List<RegistryException> mirrorFailures = new ArrayList<>();
        for (String mirror : options.config().mirrorsOf(ref.registry())) {
            Endpoint endpoint = Endpoint.of(ref.registry(), mirror, options.config());
            try {
                return puller(endpoint, ref).pull(ref, platform, localName);
            } catch (RegistryException e) {
                mirrorFailures.add(e); // fall back to the next mirror, then to the registry itself
            }
        }
        try {
            return puller(Endpoint.of(ref.registry(), ref.registry(), options.config()), ref).pull(ref, platform, localName);
        } catch (RegistryException e) {
            mirrorFailures.forEach(e::addSuppressed);
            throw e;
        }
    }

    /** Pushes the image the store names {@code localName} to {@code target}; returns the pushed root digest. */
    public Digest push(String localName, RemoteRef target) {
        Descriptor root = store.names().get(localName).orElseThrow(() -> new RegistryException(target.registry(),
                "push " + localName, 0, "no image named " + localName + " in the local store", "build or pull it first"));
        return push(root, target);
    }

    /** Pushes the manifest or index {@code root} (in the store) and everything it references to {@code target}. */
    public Digest push(Descriptor root, RemoteRef target) {
        return pusher(root, target).push(root, target);
    }

    /** As {@link #push(Descriptor, RemoteRef)}, returning how each blob got there. */
    Map<Digest, BlobUploader.Outcome> pushReporting(Descriptor root, RemoteRef target) {
        Pusher pusher = pusher(root, target);
        pusher.push(root, target);
        return pusher.outcomes();
    }

    /**
     * Checks that {@code registry} accepts {@code credential}, as {@code docker login} does before
     * storing it: {@code /v2/} must answer 200 when asked with Basic credentials or with a Bearer
     * token fetched with them. Throws a {@link RegistryException} naming the refusal otherwise.
     */
    public static void verifyLogin(String registry, RegistryCredential credential, Options options) {
        Endpoint endpoint = Endpoint.of(registry, registry, options.config());
        Http http = new Http(options.retry());
        try {
            Authenticator auth = new Authenticator(endpoint, http, Credentials.of(Map.of(endpoint.credentialKey(), credential)));
            RegistrySession session = new RegistrySession(endpoint, http, auth, Set.of());
            session.send(Http.Call.of("GET", endpoint.uri("/v2/"), "log in"), response -> {
                if (response.statusCode() != 200) {
                    throw session.error("log in", response);
                }
                return null;
            });
        } finally {
            http.close();
        }
    }

    /** Closes the HTTP client and its connections. */
    @Override
    public void close() {
        http.close();
    }

    private Pusher pusher(Descriptor root, RemoteRef target) {
        Endpoint endpoint = Endpoint.of(target.registry(), target.registry(), options.config());
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(RegistrySession.pushScope(target.repository()));
        for (Descriptor blob : Pusher.blobsOf(store, root)) {
            for (String source : sources.repositories(blob.digest(), target.registry())) {
                if (!source.equals(target.repository())) {
                    scopes.add(RegistrySession.pullScope(source)); // a mount needs pull on its source
                }
            }
        }
        RegistrySession session = new RegistrySession(endpoint, http, authenticator(endpoint), scopes);
        return new Pusher(session, store, sources, transfers, target, options.chunkThreshold(), options.chunkSize());
    }

    private Puller puller(Endpoint endpoint, RemoteRef ref) {
        RegistrySession session = new RegistrySession(endpoint, http, authenticator(endpoint),
                Set.of(RegistrySession.pullScope(ref.repository())));
        return new Puller(session, store, sources, transfers);
    }

    private Authenticator authenticator(Endpoint endpoint) {
        return authenticators.computeIfAbsent(endpoint.host() + " " + endpoint.plainHttp(),
                key -> new Authenticator(endpoint, http, options.credentials()));
    }
}
