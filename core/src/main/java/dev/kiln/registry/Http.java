package dev.kiln.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * HTTP for registries: one {@link HttpClient} on virtual threads, retries with exponential backoff
 * on 5xx, 429 (honouring {@code Retry-After}) and broken connections, and redirects followed by
 * hand so credentials never travel to another host (blob storage redirects).
 */
final class Http {
    private static final int MAX_REDIRECTS = 5;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /** One request; {@code action} names it in errors ("fetch manifest", "upload blob sha256:…"). */
    record Call(String method, URI uri, Map<String, String> headers, HttpRequest.BodyPublisher body, String action) {
        Call {
            headers = Map.copyOf(headers);
        }

        static Call of(String method, URI uri, String action) {
            return new Call(method, uri, Map.of(), HttpRequest.BodyPublishers.noBody(), action);
        }

        Call header(String name, String value) {
            Map<String, String> next = new LinkedHashMap<>(headers);
            next.put(name, value);
            return new Call(method, uri, next, body, action);
        }

        Call withoutHeader(String name) {
            Map<String, String> next = new LinkedHashMap<>(headers);
            next.remove(name);
            return new Call(method, uri, next, body, action);
        }

        Call body(HttpRequest.BodyPublisher newBody) {
            return new Call(method, uri, headers, newBody, action);
        }

        Call at(URI newUri) {
            return new Call(method, newUri, headers, body, action);
        }
    }

    /** Turns a response into a result; an IOException here (a body cut short) is retried like a failed send. */
    @FunctionalInterface
    interface Reader<T> {
        T read(HttpResponse<InputStream> response) throws IOException;
    }

    /** Raised when every attempt failed to get any response. */
    static final class Unreachable extends IOException {
        Unreachable(String message, IOException cause) {
            super(message, cause);
        }
    }

    private final HttpClient client;
    private final RetryPolicy retry;

    Http(RetryPolicy retry) {
        this.retry = retry;
        this.client = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(15))
                .build();
    }

    void close() {
        client.close();
    }

    RetryPolicy retry() {
        return retry;
    }

    /** Sends {@code call} (retrying as described above) and reads the final response with {@code reader}. */
    <T> T send(Call call, Reader<T> reader) throws IOException {
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            try {
                HttpResponse<InputStream> response = sendFollowingRedirects(call);
                if (isRetryable(response.statusCode()) && attempt < retry.maxAttempts()) {
                    response.body().close();
                    pause(retryAfter(response).orElse(retry.delayAfter(attempt)));
                    continue;
                }
                return readAndClose(response, reader);
            } catch (IOException e) {
                lastFailure = e;
                if (attempt < retry.maxAttempts()) {
                    pause(retry.delayAfter(attempt));
                }
            }
        }
        throw new Unreachable(describe(lastFailure) + " (after " + retry.maxAttempts() + " attempts)", lastFailure);
    }

    /** Sleeps, turning an interrupt into an IOException so callers unwind like on any transfer failure. */
    static void pause(Duration delay) throws IOException {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to retry");
        }
    }

    static String describe(IOException e) {
        if (e == null) {
            return "no response";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private <T> T readAndClose(HttpResponse<InputStream> response, Reader<T> reader) throws IOException {
        boolean keepOpen = false;
        try {
            T result = reader.read(response);
            keepOpen = result == response || result == response.body();
            return result;
        } finally {
            if (!keepOpen) {
                response.body().close();
            }
        }
    }

    private HttpResponse<InputStream> sendFollowingRedirects(Call call) throws IOException {
        Call current = call;
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = sendOnce(current);
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty() || hop >= MAX_REDIRECTS
                    || !(call.method().equals("GET") || call.method().equals("HEAD"))) {
                return response;
            }
            response.body().close();
            URI next = current.uri().resolve(location.get());
            boolean sameHost = next.getAuthority() != null && next.getAuthority().equals(current.uri().getAuthority());
            current = sameHost ? current.at(next) : current.at(next).withoutHeader("Authorization");
        }
    }

    private HttpResponse<InputStream> sendOnce(Call call) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .method(call.method(), call.body())
                .timeout(Duration.ofMinutes(5));
        if ("http".equals(call.uri().getScheme())) {
            request.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with plain-HTTP registries
        }
        call.headers().forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted during " + call.action());
        }
    }

    private static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** {@code Retry-After} as seconds or an HTTP date, capped so a hostile value cannot stall a build. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at));
                } catch (RuntimeException notDate) {
                    return Optional.empty();
                }
            }
        }).map(d -> d.isNegative() ? Duration.ZERO : d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
    }
}
