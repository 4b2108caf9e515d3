package dev.kiln.cli;

import dev.kiln.KilnException;
import dev.kiln.registry.RegistryClient;
import dev.kiln.registry.RegistryConfig;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registry flags shared by build, pull and push: mirrors and insecure registries, on top of {@code $KILN_CONFIG}. */
final class RegistryOptions {
    @Option(names = "--registry-mirror", paramLabel = "REGISTRY=HOST[:PORT]",
            description = "Try HOST first for images of REGISTRY (e.g. docker.io=127.0.0.1:5000). Repeatable.")
    List<String> mirrors = new ArrayList<>();

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Talk plain HTTP to this registry (localhost and 127.0.0.0/8 always are). Repeatable.")
    List<String> insecure = new ArrayList<>();

    RegistryClient.Options clientOptions() {
        var config = RegistryConfig.load();
        var byRegistry = new LinkedHashMap<String, List<String>>();
        for (var mirror : mirrors) {
            int eq = mirror.indexOf('=');
            if (eq <= 0 || eq == mirror.length() - 1) {
                throw new KilnException("--registry-mirror " + mirror + ": expected REGISTRY=HOST[:PORT], "
                        + "e.g. docker.io=127.0.0.1:5000");
            }
            byRegistry.computeIfAbsent(mirror.substring(0, eq), r -> new ArrayList<>()).add(mirror.substring(eq + 1));
        }
        for (Map.Entry<String, List<String>> entry : byRegistry.entrySet()) {
            var all = new ArrayList<>(entry.getValue());
            all.addAll(config.mirrorsOf(entry.getKey()));
            config = config.withMirrors(entry.getKey(), all);
        }
        for (var host : insecure) {
            config = config.withInsecure(host);
        }
        return RegistryClient.Options.defaults().withConfig(config).withCredentials(DockerConfigLocation.credentials()::lookup);
    }
}
