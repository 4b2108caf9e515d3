package dev.kiln.copy;

import dev.kiln.image.Digest;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The files an ADD step downloads, each fetched once however often the step is planned: its cache
 * key is computed from the downloaded bytes, and on a miss the same files are copied, not fetched
 * again. Deleted on close, when the step is done.
 */
public final class Downloads implements AutoCloseable {
    private final ScratchFiles scratch;
    private final Supplier<HttpClient> http;
    private final Map<String, Path> fetched = new HashMap<>();

    /** For a COPY, which refuses URLs before it would download one. */
    static Downloads none() {
        return new Downloads(null, () -> {
            throw new IllegalStateException("COPY does not download");
        });
    }

    /** @param scratchParent where the downloads are kept meanwhile */
    public Downloads(Path scratchParent, Supplier<HttpClient> http) {
        this.scratch = new ScratchFiles(scratchParent);
        this.http = http;
    }

    /** {@code url}'s file, alone in a directory of its own, checked against {@code checksum} when given. */
    synchronized Path fetch(String url, Optional<Digest> checksum) {
        var key = url + " " + checksum.map(Digest::toString).orElse("");
        var file = fetched.get(key);
        if (file == null) {
            file = RemoteFile.download(http.get(), url, checksum, scratch.newDirectory());
            fetched.put(key, file);
        }
        return file;
    }

    @Override
    public synchronized void close() {
        fetched.clear();
        scratch.close();
    }
}
