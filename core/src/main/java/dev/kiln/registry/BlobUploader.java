package dev.kiln.registry;

import dev.kiln.image.Descriptor;
import dev.kiln.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Puts one blob into a repository: nothing when it is there (HEAD), a cross-repository mount
 * when another repository of the registry is known to hold it, else an upload — monolithic
 * (POST, then PUT with the bytes) for small blobs, chunked PATCHes with {@code Content-Range}
 * for large ones.
 */
final class BlobUploader {
    /** How a blob reached the repository; tests and progress output read it. */
    enum Outcome { EXISTED, MOUNTED, UPLOADED, UPLOADED_IN_CHUNKS }

    private final RegistrySession session;
    private final Store store;
    private final String repository;
    private final BlobSources sources;
    private final long chunkThreshold;
    private final int chunkSize;

    BlobUploader(RegistrySession session, Store store, String repository, BlobSources sources,
                 long chunkThreshold, int chunkSize) {
        this.session = session;
        this.store = store;
        this.repository = repository;
        this.sources = sources;
        this.chunkThreshold = chunkThreshold;
        this.chunkSize = chunkSize;
    }

    Outcome upload(Descriptor blob) {
        if (exists(blob)) {
            return Outcome.EXISTED;
        }
        URI location = null;
        for (String source : mountSources(blob)) {
            location = mount(blob, source);
            if (location == null) {
                return Outcome.MOUNTED;
            }
        }
        if (location == null) {
            location = startUpload(blob, "blobs/uploads/");
        }
        if (blob.size() > chunkThreshold) {
            putChunks(blob, location);
            return Outcome.UPLOADED_IN_CHUNKS;
        }
        putWhole(blob, location);
        return Outcome.UPLOADED;
    }

    /** Other repositories of this registry known to hold the blob (the push's session asked for pull on them). */
    List<String> mountSources(Descriptor blob) {
        return sources.repositories(blob.digest(), session.endpoint().registry()).stream()
                .filter(r -> !r.equals(repository)).limit(1).toList();
    }

    private boolean exists(Descriptor blob) {
        String action = "check blob " + blob.digest() + " in " + repository;
        return session.send(Http.Call.of("HEAD", session.uri(repository, "blobs/" + blob.digest()), action), r -> switch (r.statusCode()) {
            case 200 -> true;
            case 404 -> false;
            default -> throw session.error(action, r);
        });
    }

    /** Tries a mount; null when it worked, else the upload session the registry opened instead. */
    private URI mount(Descriptor blob, String source) {
        String query = "?mount=" + enc(blob.digest().toString()) + "&from=" + enc(source);
        String action = "mount blob " + blob.digest() + " from " + source + " into " + repository;
        return session.send(Http.Call.of("POST", session.uri(repository, "blobs/uploads/" + query), action), r -> switch (r.statusCode()) {
            case 201 -> null;
            case 202 -> location(r, action);
            default -> throw session.error(action, r);
        });
    }

    private URI startUpload(Descriptor blob, String tail) {
        String action = "start upload of blob " + blob.digest() + " to " + repository;
        return session.send(Http.Call.of("POST", session.uri(repository, tail), action), r -> {
            if (r.statusCode() != 202) {
                throw session.error(action, r);
            }
            return location(r, action);
        });
    }

    private void putWhole(Descriptor blob, URI location) {
        String action = "upload blob " + blob.digest() + " to " + repository;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> store.blobs().open(blob.digest())), blob.size());
        finish(blob, location, body, action);
    }

    private void putChunks(Descriptor blob, URI location) {
        String action = "upload blob " + blob.digest() + " to " + repository + " in chunks";
        URI next = location;
        for (long offset = 0; offset < blob.size(); offset += chunkSize) {
            byte[] chunk = readChunk(blob, offset, (int) Math.min(chunkSize, blob.size() - offset));
            long end = offset + chunk.length - 1;
            URI at = next;
            next = session.send(Http.Call.of("PATCH", at, action)
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Range", offset + "-" + end)
                    .body(HttpRequest.BodyPublishers.ofByteArray(chunk)), r -> {
                if (r.statusCode() != 202) {
                    throw session.error(action, r);
                }
                return location(r, action);
            });
        }
        finish(blob, next, HttpRequest.BodyPublishers.noBody(), action);
    }

    private void finish(Descriptor blob, URI location, HttpRequest.BodyPublisher body, String action) {
        String separator = location.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(location + separator + "digest=" + enc(blob.digest().toString()));
        session.send(Http.Call.of("PUT", put, action).header("Content-Type", "application/octet-stream").body(body), r -> {
            if (r.statusCode() != 201 && r.statusCode() != 204) {
                throw session.error(action, r);
            }
            return null;
        });
    }

    private byte[] readChunk(Descriptor blob, long offset, int length) {
        try (FileChannel channel = FileChannel.open(store.blobs().path(blob.digest()), StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(channel.position(offset))) {
            byte[] chunk = in.readNBytes(length);
            if (chunk.length != length) {
                throw new IOException("the stored blob is shorter than its descriptor says");
            }
            return chunk;
        } catch (IOException e) {
            throw new dev.kiln.store.StoreException("cannot read blob " + blob.digest() + " for upload: " + e.getMessage(), e);
        }
    }

    private URI location(HttpResponse<?> response, String action) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new RegistryException(
                session.endpoint().toString(), action, response.statusCode(), "the response has no Location header", ""));
        return response.uri().resolve(location);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
