package dev.kiln.registry.auth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.KilnException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The docker CLI's {@code config.json}: its {@code auths}, {@code credsStore} and
 * {@code credHelpers}. Fields Kiln does not use are kept as they are when the file is written
 * back; writes go to a 0600 temp file that is renamed over the old one.
 */
final class DockerConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final ObjectNode root;

    private DockerConfigFile(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /** Reads {@code file}; a missing file is an empty configuration. */
    static DockerConfigFile read(Path file) {
        if (!Files.exists(file)) {
            return new DockerConfigFile(file, JSON.createObjectNode());
        }
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            if (tree == null || tree.isMissingNode()) {
                return new DockerConfigFile(file, JSON.createObjectNode());
            }
            if (!(tree instanceof ObjectNode object)) {
                throw new KilnException("cannot read docker config " + file + ": it is not a JSON object");
            }
            return new DockerConfigFile(file, object);
        } catch (JacksonException e) {
            throw new KilnException("cannot read docker config " + file + ": invalid JSON: " + e.getOriginalMessage()
                    + " — fix or remove the file", e);
        } catch (IOException e) {
            throw new KilnException("cannot read docker config " + file + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return file;
    }

    Optional<String> credsStore() {
        return text(root.get("credsStore"));
    }

    Optional<String> credHelper(String key) {
        JsonNode helpers = root.get("credHelpers");
        return helpers == null ? Optional.empty() : text(helpers.get(key));
    }

    /** The {@code auths} entry whose key is {@code key} or names the same host. */
    Optional<RegistryCredential> auth(String key) {
        JsonNode auths = root.get("auths");
        if (auths == null || !auths.isObject()) {
            return Optional.empty();
        }
        if (auths.get(key) != null) {
            return decode(key, auths.get(key));
        }
        for (Map.Entry<String, JsonNode> candidate : auths.properties()) {
            if (ServerKeys.sameHost(candidate.getKey(), key)) {
                return decode(candidate.getKey(), candidate.getValue());
            }
        }
        return Optional.empty();
    }

    private Optional<RegistryCredential> decode(String key, JsonNode entry) {
        String username = text(entry.get("username")).orElse("");
        String password = text(entry.get("password")).orElse(null);
        Optional<String> auth = text(entry.get("auth"));
        if (auth.isPresent()) {
            String pair = decodeBase64(key, auth.get());
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new KilnException("invalid auth for \"" + key + "\" in " + file
                        + ": it must be base64 of user:password; run kiln login " + key + " again");
            }
            username = pair.substring(0, colon);
            password = pair.substring(colon + 1);
        }
        Optional<String> token = text(entry.get("identitytoken"));
        if (token.isPresent()) {
            return Optional.of(RegistryCredential.token(username, token.get()));
        }
        if (password == null || (username.isEmpty() && password.isEmpty())) {
            return Optional.empty(); // an entry without secrets, as a credential store leaves behind
        }
        return Optional.of(RegistryCredential.basic(username, password));
    }

    private String decodeBase64(String key, String auth) {
        try {
            return new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new KilnException("invalid auth for \"" + key + "\" in " + file + ": not base64 ("
                    + e.getMessage() + "); run kiln login " + key + " again", e);
        }
    }

    /** Stores the credential itself in {@code auths} (no credential store configured). */
    void putAuth(String key, RegistryCredential credential) {
        ObjectNode entry = auths().putObject(key);
        if (credential.isIdentityToken()) {
            if (!credential.username().isEmpty()) {
                entry.put("username", credential.username());
            }
            entry.put("identitytoken", credential.identityToken());
        } else {
            String pair = credential.username() + ":" + credential.password();
            entry.put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Records that {@code key} is logged in through a credential store, without any secret. */
    void putEmptyAuth(String key) {
        auths().putObject(key);
    }

    boolean removeAuth(String key) {
        JsonNode auths = root.get("auths");
        if (!(auths instanceof ObjectNode object)) {
            return false;
        }
        List<String> matching = object.properties().stream().map(Map.Entry::getKey)
                .filter(candidate -> ServerKeys.sameHost(candidate, key)).toList();
        object.remove(matching);
        return !matching.isEmpty();
    }

    /** Writes the file atomically with mode 0600, creating its directory (0700) if needed. */
    void save() {
        try {
            Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
            Path directory = target.toAbsolutePath().getParent();
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path temp = Files.createTempFile(directory, target.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(root)));
                    channel.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new KilnException("cannot write docker config " + file + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode auths() {
        return root.get("auths") instanceof ObjectNode auths ? auths : root.putObject("auths");
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
