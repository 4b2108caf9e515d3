package dev.kiln.registry;

import dev.kiln.image.Descriptor;
import dev.kiln.image.ImageCodec;
import dev.kiln.image.ImageConfig;
import dev.kiln.image.Index;
import dev.kiln.image.Manifest;
import dev.kiln.image.Platform;
import dev.kiln.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Pulls one image from one endpoint: resolve, pick the platform, fetch the missing blobs, name it. */
final class Puller {
    private final RegistrySession session;
    private final Store store;
    private final BlobSources sources;
    private final Transfers transfers;

    Puller(RegistrySession session, Store store, BlobSources sources, Transfers transfers) {
        this.session = session;
        this.store = store;
        this.sources = sources;
        this.transfers = transfers;
    }

    PulledImage pull(RemoteRef ref, Platform platform, String localName) {
        ManifestFetcher manifests = new ManifestFetcher(session, store, ref.repository());
        ManifestFetcher.Fetched top = manifests.resolve(ref.reference());
        Descriptor chosen = Descriptor.of(top.mediaType(), top.digest(), top.bytes().length);
        ManifestFetcher.Fetched image = top;
        if (top.mediaType().isIndex()) {
            chosen = choose(ImageCodec.decodeIndex(top.bytes()), platform, ref);
            image = manifests.fetch(chosen.digest(), chosen.mediaType());
        }
        if (!image.mediaType().isManifest()) {
            throw new RegistryException(session.endpoint().toString(), "pull " + ref, 0,
                    ref + " is a " + image.mediaType() + ", not an image manifest", "");
        }
        Manifest manifest = ImageCodec.decodeManifest(image.bytes());
        fetchBlobs(ref, manifest);
        ImageConfig config = ImageCodec.decodeConfig(store.blobs().readAll(manifest.config().digest()));
        Platform actual = chosen.platform() != null ? chosen.platform() : platformOf(config, platform);
        Descriptor named = Descriptor.of(image.mediaType(), image.digest(), image.bytes().length).withPlatform(actual);
        store.names().put(localName, named);
        return new PulledImage(ref, image.digest(), manifest, config, actual);
    }

    private void fetchBlobs(RemoteRef ref, Manifest manifest) {
        List<Descriptor> blobs = new ArrayList<>();
        blobs.add(manifest.config());
        blobs.addAll(manifest.layers());
        List<Descriptor> missing = blobs.stream().filter(b -> !store.blobs().has(b.digest())).distinct().toList();
        BlobDownloader downloader = new BlobDownloader(session, store, ref.repository());
        transfers.forEach(missing, downloader::download);
        for (Descriptor blob : blobs) {
            sources.record(blob.digest(), ref.registry(), ref.repository());
        }
    }

    private Descriptor choose(Index index, Platform wanted, RemoteRef ref) {
        List<Descriptor> images = index.manifests().stream().filter(d -> d.mediaType().isManifest()).toList();
        for (Descriptor d : images) {
            if (d.platform() != null && d.platform().matches(wanted)) {
                return d;
            }
        }
        // an arm64 host asking for the default variant also takes an image that names none
        for (Descriptor d : images) {
            if (d.platform() != null && d.platform().matches(wanted.withVariant(""))) {
                return d;
            }
        }
        String available = images.stream().map(Descriptor::platform).filter(p -> p != null
                && !p.os().equals("unknown")).map(Platform::toString).distinct().collect(Collectors.joining(", "));
        throw new RegistryException(session.endpoint().toString(), "pull " + ref, 0,
                "the image has no variant for platform " + wanted + "; it offers " + (available.isEmpty() ? "none" : available),
                "choose one of those with --platform");
    }

    private static Platform platformOf(ImageConfig config, Platform fallback) {
        try {
            return config.platform() != null ? config.platform() : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
