package dev.kiln.registry.auth;

import java.util.Objects;

/**
 * What a registry login holds: a user name and password, or an identity token (an OAuth refresh
 * token, exchanged for bearer tokens) with the user name it was issued for, if known.
 *
 * @param username      user name; empty for a bare identity token
 * @param password      password or access token; null when {@code identityToken} is set
 * @param identityToken OAuth refresh token, or null
 */
public record RegistryCredential(String username, String password, String identityToken) {
    /** How credential helpers mark an identity token in their Username field. */
    static final String TOKEN_USERNAME = "<token>";

    public RegistryCredential {
        Objects.requireNonNull(username, "username");
        if ((password == null) == (identityToken == null)) {
            throw new IllegalArgumentException("exactly one of password and identityToken must be set");
        }
    }

    public static RegistryCredential basic(String username, String password) {
        return new RegistryCredential(username, Objects.requireNonNull(password, "password"), null);
    }

    public static RegistryCredential token(String username, String identityToken) {
        return new RegistryCredential(username, null, Objects.requireNonNull(identityToken, "identityToken"));
    }

    public boolean isIdentityToken() {
        return identityToken != null;
    }

    @Override
    public String toString() {
        return "RegistryCredential[" + username + ", " + (isIdentityToken() ? "identity token" : "password") + " ****]";
    }
}
