package dev.kiln.registry;

import dev.kiln.image.Descriptor;
import dev.kiln.image.Digest;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.Index;
import dev.kiln.image.Manifest;
import dev.kiln.image.MediaType;
import dev.kiln.store.Store;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Pushes an image (or an index and its images) from the store: blobs first, manifests last. */
final class Pusher {
    private final RegistrySession session;
    private final Store store;
    private final BlobSources sources;
    private final Transfers transfers;
    private final BlobUploader uploader;
    private final String repository;
    private final Map<Digest, BlobUploader.Outcome> outcomes = new ConcurrentHashMap<>();

    Pusher(RegistrySession session, Store store, BlobSources sources, Transfers transfers, RemoteRef target,
           long chunkThreshold, int chunkSize) {
        this.session = session;
        this.store = store;
        this.sources = sources;
        this.transfers = transfers;
        this.repository = target.repository();
        this.uploader = new BlobUploader(session, store, repository, sources, chunkThreshold, chunkSize);
    }

    /** Every blob the push will send: for scopes (mount sources) and for counting. */
    static List<Descriptor> blobsOf(Store store, Descriptor root) {
        List<Descriptor> blobs = new ArrayList<>();
        if (root.mediaType().isIndex()) {
            for (Descriptor child : ImageCodec.decodeIndex(store.blobs().readAll(root.digest())).manifests()) {
                if (store.blobs().has(child.digest()) && child.mediaType().isManifest()) {
                    blobs.addAll(blobsOf(store, child));
                }
            }
        } else {
            Manifest manifest = ImageCodec.decodeManifest(store.blobs().readAll(root.digest()));
            blobs.add(manifest.config());
            blobs.addAll(manifest.layers());
        }
        return blobs;
    }

    Digest push(Descriptor root, RemoteRef target) {
        if (root.mediaType().isIndex()) {
            Index index = ImageCodec.decodeIndex(store.blobs().readAll(root.digest()));
            for (Descriptor child : index.manifests()) {
                requireInStore(child, target);
                pushImage(child, child.digest().toString());
            }
            putManifest(root, target.reference());
        } else {
            requireInStore(root, target);
            pushImage(root, target.reference());
        }
        return root.digest();
    }

    Map<Digest, BlobUploader.Outcome> outcomes() {
        return Map.copyOf(outcomes);
    }

    private void pushImage(Descriptor manifestDescriptor, String reference) {
        if (!manifestDescriptor.mediaType().isManifest()) {
            putManifest(manifestDescriptor, reference); // a nested index or an artifact: its own bytes only
            return;
        }
        Manifest manifest = ImageCodec.decodeManifest(store.blobs().readAll(manifestDescriptor.digest()));
        List<Descriptor> blobs = new ArrayList<>();
        blobs.add(manifest.config());
        blobs.addAll(manifest.layers().stream().filter(l -> !l.mediaType().isForeignLayer() || l.urls().isEmpty()).toList());
        for (Descriptor blob : blobs) {
            if (!store.blobs().has(blob.digest())) {
                throw new RegistryException(session.endpoint().toString(), "push " + repository, 0,
                        "blob " + blob.digest() + " of manifest " + manifestDescriptor.digest() + " is not in the local store",
                        "pull or rebuild the image first");
            }
        }
        transfers.forEach(blobs.stream().distinct().toList(), blob -> {
            outcomes.put(blob.digest(), uploader.upload(blob));
            sources.record(blob.digest(), session.endpoint().registry(), repository);
        });
        putManifest(manifestDescriptor, reference);
    }

    private void putManifest(Descriptor descriptor, String reference) {
        byte[] bytes = store.blobs().readAll(descriptor.digest());
        MediaType type = descriptor.mediaType();
        String action = "push manifest " + repository + (reference.contains(":") ? "@" : ":") + reference;
        session.send(Http.Call.of("PUT", session.uri(repository, "manifests/" + reference), action)
                .header("Content-Type", type.value())
                .body(HttpRequest.BodyPublishers.ofByteArray(bytes)), r -> {
            if (r.statusCode() != 201 && r.statusCode() != 200) {
                throw session.error(action, r);
            }
            String echoed = r.headers().firstValue("Docker-Content-Digest").orElse(descriptor.digest().toString());
            if (!echoed.equals(descriptor.digest().toString())) {
                throw new RegistryException(session.endpoint().toString(), action, r.statusCode(),
                        "the registry stored the manifest as " + echoed + ", not " + descriptor.digest(),
                        "the registry rewrote the manifest; pulls by digest will not find it");
            }
            return null;
        });
    }

    private void requireInStore(Descriptor manifest, RemoteRef target) {
        if (!store.blobs().has(manifest.digest())) {
            throw new RegistryException(session.endpoint().toString(), "push " + target, 0,
                    "manifest " + manifest.digest() + " is not in the local store", "pull or rebuild the image first");
        }
    }
}
