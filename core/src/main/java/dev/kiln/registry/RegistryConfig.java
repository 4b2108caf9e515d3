package dev.kiln.registry;

import dev.kiln.KilnException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-registry settings: pull mirrors ({@code docker.io → [host:port, …]}, tried in order before
 * the registry itself) and insecure registries (spoken to over plain HTTP).
 */
public record RegistryConfig(Map<String, List<String>> mirrors, Set<String> insecure) {

    public RegistryConfig {
        Map<String, List<String>> copy = new HashMap<>();
        mirrors.forEach((registry, hosts) -> copy.put(registry, List.copyOf(hosts)));
        mirrors = Map.copyOf(copy);
        insecure = Set.copyOf(insecure);
    }

    public static RegistryConfig empty() {
        return new RegistryConfig(Map.of(), Set.of());
    }

    /** {@code $KILN_CONFIG}, else {@code $XDG_CONFIG_HOME/kiln/config.toml}, else {@code ~/.config/kiln/config.toml}. */
    public static Path defaultPath() {
        String explicit = System.getenv("KILN_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("kiln").resolve("config.toml");
    }

    /** Reads the default config file; no file means no settings, unless {@code $KILN_CONFIG} names it. */
    public static RegistryConfig load() {
        Path path = defaultPath();
        String explicit = System.getenv("KILN_CONFIG");
        if (!Files.exists(path) && (explicit == null || explicit.isBlank())) {
            return empty();
        }
        return load(path);
    }

    public static RegistryConfig load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new KilnException("config file " + file + " does not exist (check $KILN_CONFIG)", e);
        } catch (IOException e) {
            throw new KilnException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the TOML subset described in {@link RegistryConfigParser}; {@code source} names the text in errors. */
    public static RegistryConfig parse(String text, String source) {
        return new RegistryConfigParser(source).parse(text);
    }

    public List<String> mirrorsOf(String registry) {
        return mirrors.getOrDefault(registry, List.of());
    }

    public boolean isInsecure(String host) {
        return insecure.contains(host);
    }

    public RegistryConfig withMirrors(String registry, List<String> hosts) {
        Map<String, List<String>> next = new HashMap<>(mirrors);
        next.put(registry, hosts);
        return new RegistryConfig(next, insecure);
    }

    public RegistryConfig withInsecure(String host) {
        Set<String> next = new HashSet<>(insecure);
        next.add(host);
        return new RegistryConfig(mirrors, next);
    }
}
