package dev.kiln.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A docker token server (the registry's {@code auth.token} realm) for tests: checks Basic
 * credentials, grants the scopes asked for (anonymous callers get pull only, when allowed) and
 * signs RS256 JWTs carrying the signing certificate in {@code x5c}, which the registry checks
 * against its {@code rootcertbundle}.
 */
final class TokenServer implements AutoCloseable {
    static final String SERVICE = "kiln-test-registry";
    static final String ISSUER = "kiln-test-issuer";
    static final String IDENTITY_TOKEN = "refresh-me-please";

    private final HttpServer server;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String user;
    private final String password;
    private final boolean anonymousPull;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    private TokenServer(PrivateKey key, X509Certificate certificate, String user, String password, boolean anonymousPull)
            throws IOException {
        this.key = key;
        this.certificate = certificate;
        this.user = user;
        this.password = password;
        this.anonymousPull = anonymousPull;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    /** Makes a key and self-signed certificate with the JDK's keytool, writes the cert to {@code dir/cert.pem}. */
    static TokenServer start(Path dir, String user, String password, boolean anonymousPull) throws Exception {
        Path keystore = dir.resolve("token.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "token", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=kiln-test-token", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        X509Certificate cert = (X509Certificate) store.getCertificate("token");
        Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        PrivateKey key = (PrivateKey) store.getKey("token", "changeit".toCharArray());
        return new TokenServer(key, cert, user, password, anonymousPull);
    }

    /** The registry's {@code auth:} section for this server. */
    String registryAuthYaml(Path dir) {
        return """
                auth:
                  token:
                    realm: http://127.0.0.1:%d/token
                    service: %s
                    issuer: %s
                    rootcertbundle: %s
                """.formatted(server.getAddress().getPort(), SERVICE, ISSUER, dir.resolve("cert.pem"));
    }

    /** The scopes of every token request, one entry per request ("anonymous" or the account, then the scopes). */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean oauth = exchange.getRequestMethod().equals("POST");
            String query = oauth ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    : exchange.getRequestURI().getRawQuery();
            String refreshToken = null;
            List<String> scopes = new ArrayList<>();
            String service = "";
            for (String pair : query == null ? new String[0] : query.split("&")) {
                String[] kv = pair.split("=", 2);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                switch (kv[0]) {
                    case "scope" -> scopes.addAll(List.of(value.split(" ")));
                    case "refresh_token" -> refreshToken = value;
                    case "service" -> service = value;
                    default -> { }
                }
            }
            String subject = oauth ? (IDENTITY_TOKEN.equals(refreshToken) ? user : null)
                    : authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add((oauth ? "oauth " : "") + (subject == null ? "denied" : subject.isEmpty() ? "anonymous" : subject) + " " + scopes);
            if (subject == null || !service.equals(SERVICE)) {
                respond(exchange, 401, "{\"details\":\"incorrect username or password\"}");
                return;
            }
            respond(exchange, 200, "{\"" + (oauth ? "access_token" : "token") + "\":\"" + jwt(subject, scopes)
                    + "\",\"expires_in\":300}");
        } catch (Exception e) {
            respond(exchange, 500, "{\"details\":\"" + e + "\"}");
        }
    }

    /** The account name, "" for anonymous when allowed, null when refused. */
    private String authenticate(String header) {
        if (header == null) {
            return anonymousPull ? "" : null;
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return header.equals(expected) ? user : null;
    }

    private String jwt(String subject, List<String> scopes) throws Exception {
        List<String> access = new ArrayList<>();
        for (String scope : scopes) {
            String[] parts = scope.split(":");
            String actions = subject.isEmpty() ? "\"pull\"" : "\"" + String.join("\",\"", parts[2].split(",")) + "\"";
            access.add("{\"type\":\"" + parts[0] + "\",\"name\":\"" + parts[1] + "\",\"actions\":[" + actions + "]}");
        }
        long now = Instant.now().getEpochSecond();
        String header = "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5c\":[\""
                + Base64.getEncoder().encodeToString(certificate.getEncoded()) + "\"]}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"aud\":\"" + SERVICE + "\",\"exp\":"
                + (now + 300) + ",\"nbf\":" + (now - 10) + ",\"iat\":" + now + ",\"jti\":\"" + UUID.randomUUID()
                + "\",\"access\":[" + String.join(",", access) + "]}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(rs256.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
