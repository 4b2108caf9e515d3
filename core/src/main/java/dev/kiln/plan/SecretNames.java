package dev.kiln.plan;

import java.util.regex.Pattern;

/**
 * SecretsUsedInArgOrEnv's test of a name, as BuildKit's: a secret-like word ({@code password},
 * {@code token}, {@code key} …) as the whole name or one of its {@code _}-separated ends or parts,
 * and none of the words that mark a harmless name ({@code public}, {@code file}, {@code version}).
 */
final class SecretNames {
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)");
    private static final Pattern ALLOWED = Pattern.compile("(?i)(?:_|^)(?:public|file|version)(?:_|$)");

    private SecretNames() {}

    static boolean looksSecret(String name) {
        return SECRET.matcher(name).find() && !ALLOWED.matcher(name).find();
    }
}
