package dev.kiln.copy;

import dev.kiln.KilnException;
import dev.kiln.image.Digest;
import dev.kiln.image.DigestingOutputStream;
import dev.kiln.internal.paths.RootedPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code ADD http(s)://…}: the body streamed to a file named after the URL path (BuildKit's
 * {@code __unnamed__} when the path has no name), mode 0600, and {@code --checksum} verified.
 */
final class RemoteFile {
    static final String UNNAMED = "__unnamed__";

    private RemoteFile() {}

    static boolean isHttp(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    /** BuildKit's file name for a URL: the last element of its path. */
    static String fileName(String url) {
        try {
            String path = URI.create(url).getPath();
            String base = path == null ? "" : RootedPaths.base(RootedPaths.clean(path));
            return base.isEmpty() ? UNNAMED : base;
        } catch (IllegalArgumentException e) {
            return UNNAMED;
        }
    }

    /** Downloads into {@code directory/<file name>} and returns that file. */
    static Path download(HttpClient client, String url, Optional<Digest> checksum, Path directory) {
        Path file = directory.resolve(fileName(url));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        } catch (IllegalArgumentException e) {
            throw new CopyException("'" + url + "' is not a valid URL: " + e.getMessage());
        }
        Digest actual;
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new CopyException("GET " + url + " answered HTTP " + response.statusCode()
                            + "; check the URL");
                }
                actual = save(body, file, checksum.map(Digest::algorithm).orElse(Digest.Algorithm.SHA256));
            }
        } catch (IOException e) {
            throw new CopyException("cannot download " + url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CopyException("the download of " + url + " was interrupted", e);
        }
        if (checksum.isPresent() && !checksum.get().equals(actual)) {
            throw new CopyException("checksum mismatch for " + url + ": --checksum expects " + checksum.get()
                    + " but the download is " + actual);
        }
        return file;
    }

    static Optional<Digest> parseChecksum(Optional<String> text) {
        try {
            return text.filter(t -> !t.isEmpty()).map(Digest::parse);
        } catch (KilnException e) {
            throw new CopyException("invalid --checksum '" + text.get() + "': " + e.getMessage(), e);
        }
    }

    private static Digest save(InputStream body, Path file, Digest.Algorithm algorithm) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream raw = Files.newOutputStream(file);
             DigestingOutputStream out = new DigestingOutputStream(raw, algorithm)) {
            body.transferTo(out);
            out.flush();
            return out.digest();
        }
    }
}
