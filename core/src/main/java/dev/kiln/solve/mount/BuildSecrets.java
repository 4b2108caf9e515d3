package dev.kiln.solve.mount;

import dev.kiln.KilnException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets a build may mount, from {@code kiln build --secret} values in docker's syntax:
 * {@code id=X[,src=FILE|,env=VAR][,type=file|env]}. Values are read only when a step mounts them.
 */
public record BuildSecrets(Map<String, Source> byId) {
    /** BuildKit refuses secrets above 500 KB. */
    static final long MAX_SIZE = 500 * 1024;

    /** Where a secret's bytes come from. */
    public sealed interface Source {
        record File(Path path) implements Source {}

        record Env(String variable) implements Source {}
    }

    public BuildSecrets {
        byId = Map.copyOf(byId);
    }

    public static BuildSecrets none() {
        return new BuildSecrets(Map.of());
    }

    /** @param environment Kiln's environment, for {@code env=} secrets and bare ids naming a variable */
    public static BuildSecrets parse(List<String> flags, Map<String, String> environment) {
        var secrets = new LinkedHashMap<String, Source>();
        for (var flag : flags) {
            var parsed = parseOne(flag, environment);
            secrets.put(parsed.getKey(), parsed.getValue());
        }
        return new BuildSecrets(secrets);
    }

    private static Map.Entry<String, Source> parseOne(String flag, Map<String, String> environment) {
        String type = null, id = null, file = null, env = null;
        for (var field : flag.split(",")) {
            int eq = field.indexOf('=');
            if (eq < 0) throw invalid(flag, "field " + field + " must be key=value");
            var value = field.substring(eq + 1);
            switch (field.substring(0, eq).toLowerCase(java.util.Locale.ROOT)) {
                case "type" -> {
                    if (!value.equals("file") && !value.equals("env")) {
                        throw invalid(flag, "unsupported secret type " + value + " (use file or env)");
                    }
                    type = value;
                }
                case "id" -> id = value;
                case "src", "source" -> file = value;
                case "env" -> env = value;
                default -> throw invalid(flag, "unexpected key " + field.substring(0, eq)
                        + " (use id, src, env or type)");
            }
        }
        if (id == null || id.isEmpty()) throw invalid(flag, "the secret has no id");
        if ("env".equals(type) && env == null) {
            env = file;
            file = null;
        }
        if (file == null && env == null) {
            if (environment.containsKey(id)) env = id;
            else file = id;
        }
        Source source = file != null ? new Source.File(Path.of(file)) : new Source.Env(env);
        return Map.entry(id, source);
    }

    /** The secret's bytes, or empty when no secret of that id was given (or its variable is unset). */
    Optional<byte[]> read(String id, Map<String, String> environment) {
        var source = byId.get(id);
        return switch (source) {
            case null -> Optional.empty();
            case Source.Env(var variable) -> Optional.ofNullable(environment.get(variable))
                    .map(v -> v.getBytes(StandardCharsets.UTF_8));
            case Source.File(var path) -> Optional.of(readFile(id, path));
        };
    }

    private static byte[] readFile(String id, Path path) {
        try {
            if (Files.size(path) > MAX_SIZE) {
                throw new KilnException("secret " + id + " (" + path + ") is too big: the limit is 500KB");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new KilnException("cannot read secret " + id + " from " + path + ": " + e.getMessage()
                    + "; check the --secret src= path", e);
        }
    }

    private static KilnException invalid(String flag, String problem) {
        return new KilnException("invalid --secret " + flag + ": " + problem
                + "; use id=ID,src=FILE or id=ID,env=VARIABLE");
    }
}
