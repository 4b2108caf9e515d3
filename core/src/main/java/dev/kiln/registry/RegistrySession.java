package dev.kiln.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

/**
 * Requests to one registry endpoint on behalf of a set of token scopes
 * ({@code repository:app:pull,push}). Adds authorization, answers one 401 by re-authenticating
 * (the challenge may ask for more scopes), and turns failures into {@link RegistryException}s.
 */
final class RegistrySession {
    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** A 401 seen on the first try: re-authenticate and send again. */
    private static final class Rechallenge extends RuntimeException {
        final transient HttpResponse<?> response;

        Rechallenge(HttpResponse<?> response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    private final Endpoint endpoint;
    private final Http http;
    private final Authenticator auth;
    private volatile Set<String> scopes;

    RegistrySession(Endpoint endpoint, Http http, Authenticator auth, Set<String> scopes) {
        this.endpoint = endpoint;
        this.http = http;
        this.auth = auth;
        this.scopes = Set.copyOf(new TreeSet<>(scopes));
    }

    static String pullScope(String repository) {
        return "repository:" + repository + ":pull";
    }

    static String pushScope(String repository) {
        return "repository:" + repository + ":pull,push";
    }

    Endpoint endpoint() {
        return endpoint;
    }

    RetryPolicy retry() {
        return http.retry();
    }

    /** {@code /v2/<repository>/<tail>} on this endpoint. */
    URI uri(String repository, String tail) {
        return endpoint.uri("/v2/" + repository + "/" + tail);
    }

    URI uri(String pathAndQuery) {
        return endpoint.uri(pathAndQuery);
    }

    /** Sends {@code call} authorized; the reader sees every response except a first 401. */
    <T> T send(Http.Call call, Http.Reader<T> reader) {
        for (int attempt = 1; ; attempt++) {
            Set<String> asked = scopes;
            Http.Call authorized = auth.authorization(asked).map(h -> call.header("Authorization", h)).orElse(call);
            boolean mayRechallenge = attempt == 1;
            try {
                return http.send(authorized, response -> {
                    if (response.statusCode() == 401 && mayRechallenge) {
                        throw new Rechallenge(response);
                    }
                    return reader.read(response);
                });
            } catch (Rechallenge r) {
                scopes = Set.copyOf(auth.rejected(r.response, asked));
            } catch (IOException e) {
                throw unreachable(call.action(), e);
            }
        }
    }

    /** The error for an unexpected response, with the registry's own message and a hint for the common statuses. */
    RegistryException error(String action, HttpResponse<InputStream> response) {
        byte[] body;
        try {
            body = response.body().readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            body = new byte[0];
        }
        int status = response.statusCode();
        String hint = switch (status) {
            case 401 -> auth.hasCredential() ? "the registry refused the credentials; check them (kiln login "
                    + endpoint.credentialKey() + ")" : "log in first (kiln login " + endpoint.credentialKey() + ")";
            case 403 -> "the account may not do this on this repository";
            default -> "";
        };
        return new RegistryException(endpoint.toString(), action, status, ErrorBody.describe(body), hint);
    }

    RegistryException unreachable(String action, IOException e) {
        return new RegistryException(endpoint.toString(), action, 0, Http.describe(e),
                "the connection failed repeatedly; check the network and the registry", e);
    }
}
