package dev.kiln.registry;

import java.util.Objects;

/** A user name and password (or access token used as a password) for one registry. */
public record Credential(String username, String password) {
    public Credential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** The value of an HTTP {@code Authorization: Basic} header. */
    String basicHeader() {
        String pair = username + ":" + password;
        return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credential[" + username + ", ****]";
    }
}
