package dev.kiln.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.registry.auth.RegistryCredential;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authentication with one registry endpoint: learns its challenge from a {@code /v2/} ping, then
 * answers with Basic credentials or a Bearer token fetched from the challenge's realm (anonymously
 * or with Basic credentials), cached per scope set until it expires.
 */
final class Authenticator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    private record Token(String value, Instant expires) {
    }

    private final Endpoint endpoint;
    private final Http http;
    private final Credentials credentials;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile Challenge challenge;

    Authenticator(Endpoint endpoint, Http http, Credentials credentials) {
        this.endpoint = endpoint;
        this.http = http;
        this.credentials = credentials;
    }

    /** The {@code Authorization} header for a request needing {@code scopes}, or empty when none is needed. */
    Optional<String> authorization(Set<String> scopes) {
        Challenge current = challenge();
        if (current.isBearer()) {
            return Optional.of("Bearer " + token(current, scopes));
        }
        if (current.isBasic()) {
            return credential().filter(c -> !c.isIdentityToken()).map(Authenticator::basicHeader);
        }
        return Optional.empty();
    }

    /**
     * A request was refused with 401: adopt the new challenge, forget the cached token, and return the
     * scopes to ask for next (the challenge may name one the request needs, e.g. a mount's source).
     */
    Set<String> rejected(HttpResponse<?> response, Set<String> scopes) {
        Challenge fresh = Challenge.choose(response.headers().allValues("WWW-Authenticate"));
        if (fresh == Challenge.NONE) {
            return scopes;
        }
        challenge = fresh;
        tokens.remove(key(scopes));
        Set<String> next = new TreeSet<>(scopes);
        for (String scope : fresh.param("scope").split(" ")) {
            if (!scope.isBlank()) {
                next.add(scope);
            }
        }
        return next;
    }

    /** True when a credential is configured for this endpoint (it shapes the hint of a refusal). */
    boolean hasCredential() {
        return credential().isPresent();
    }

    private Challenge challenge() {
        Challenge known = challenge;
        if (known == null) {
            synchronized (this) {
                if (challenge == null) {
                    challenge = ping();
                }
                known = challenge;
            }
        }
        return known;
    }

    private Challenge ping() {
        try {
            return http.send(Http.Call.of("GET", endpoint.uri("/v2/"), "ping"), response -> switch (response.statusCode()) {
                case 401 -> Challenge.choose(response.headers().allValues("WWW-Authenticate"));
                default -> Challenge.NONE; // 200, or a registry that answers /v2/ oddly: go on without auth
            });
        } catch (IOException e) {
            throw new RegistryException(endpoint.toString(), "connect to " + endpoint.uri("/v2/"), 0, Http.describe(e),
                    "check the registry name, that it is running, and (for HTTP registries) the insecure setting", e);
        }
    }

    private String token(Challenge bearer, Set<String> scopes) {
        String key = key(scopes);
        Token cached = tokens.get(key);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.value();
        }
        synchronized (this) { // parallel transfers wanting the same scopes share one token request
            Token again = tokens.get(key);
            if (again != null && Instant.now().isBefore(again.expires())) {
                return again.value();
            }
            Token fresh = fetchToken(bearer, scopes);
            tokens.put(key, fresh);
            return fresh.value();
        }
    }

    private Token fetchToken(Challenge bearer, Set<String> scopes) {
        String realm = bearer.param("realm");
        if (realm.isEmpty()) {
            throw new RegistryException(endpoint.toString(), "authenticate", 401,
                    "its Bearer challenge names no realm", "the registry's auth setup is broken");
        }
        Optional<RegistryCredential> credential = credential();
        if (credential.isPresent() && credential.get().isIdentityToken()) {
            return exchangeIdentityToken(bearer, scopes, credential.get());
        }
        StringBuilder query = new StringBuilder();
        addParam(query, "service", bearer.param("service"));
        for (String scope : new TreeSet<>(scopes)) {
            addParam(query, "scope", scope);
        }
        credential.ifPresent(c -> addParam(query, "account", c.username()));
        URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        Http.Call call = Http.Call.of("GET", uri, "fetch a token");
        if (credential.isPresent()) {
            call = call.header("Authorization", basicHeader(credential.get()));
        }
        try {
            return http.send(call, response -> readToken(response, credential.isPresent()));
        } catch (IOException e) {
            throw new RegistryException(endpoint.toString(), "fetch a token from " + realm, 0, Http.describe(e), "", e);
        }
    }

    private Token readToken(HttpResponse<java.io.InputStream> response, boolean withCredential) throws IOException {
        byte[] body = response.body().readNBytes(1 << 20);
        if (response.statusCode() != 200) {
            String hint = withCredential ? "check the user name and password (kiln login " + endpoint.credentialKey() + ")"
                    : "log in first (kiln login " + endpoint.credentialKey() + ")";
            throw new RegistryException(endpoint.toString(), "fetch a token", response.statusCode(), ErrorBody.describe(body), hint);
        }
        JsonNode json = JSON.readTree(body);
        String value = json.path("token").asText("");
        if (value.isEmpty()) {
            value = json.path("access_token").asText("");
        }
        if (value.isEmpty()) {
            throw new RegistryException(endpoint.toString(), "fetch a token", 200,
                    "the token response has neither 'token' nor 'access_token'", "");
        }
        long seconds = json.path("expires_in").asLong(0);
        Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_TOKEN_LIFETIME;
        Duration usable = lifetime.compareTo(EXPIRY_MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(EXPIRY_MARGIN) : lifetime.dividedBy(2);
        return new Token(value, Instant.now().plus(usable));
    }

    /** Docker's OAuth2 flow for identity tokens (refresh tokens): a form POST to the realm. */
    private Token exchangeIdentityToken(Challenge bearer, Set<String> scopes, RegistryCredential credential) {
        StringBuilder form = new StringBuilder();
        addParam(form, "grant_type", "refresh_token");
        addParam(form, "refresh_token", credential.identityToken());
        addParam(form, "service", bearer.param("service"));
        addParam(form, "scope", String.join(" ", new TreeSet<>(scopes)));
        addParam(form, "client_id", "kiln");
        Http.Call call = Http.Call.of("POST", URI.create(bearer.param("realm")), "exchange an identity token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(java.net.http.HttpRequest.BodyPublishers.ofString(form.toString()));
        try {
            return http.send(call, response -> readToken(response, true));
        } catch (IOException e) {
            throw new RegistryException(endpoint.toString(), "exchange an identity token at " + bearer.param("realm"), 0,
                    Http.describe(e), "", e);
        }
    }

    static String basicHeader(RegistryCredential credential) {
        String pair = credential.username() + ":" + credential.password();
        return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<RegistryCredential> credential() {
        return credentials.lookup(endpoint.credentialKey());
    }

    private static void addParam(StringBuilder query, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String key(Set<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }
}
