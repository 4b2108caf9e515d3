package dev.kiln.registry.auth;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials as the docker CLI keeps them, so {@code docker login} works for Kiln and
 * {@code kiln login} for docker. The config is {@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}. A registry's credential comes from its {@code credHelpers}
 * entry, else the {@code credsStore}, else the {@code auths} map (base64 {@code user:password}
 * or an {@code identitytoken}). Docker Hub is filed under {@code https://index.docker.io/v1/}.
 */
public final class DockerCredentials {
    private final Path configFile;
    private final Map<String, String> environment;

    /**
     * @param configDirectory the directory holding {@code config.json}
     * @param environment     environment for credential helpers; its PATH is where they are looked up
     */
    public DockerCredentials(Path configDirectory, Map<String, String> environment) {
        this.configFile = configDirectory.resolve("config.json");
        this.environment = Map.copyOf(environment);
    }

    /** The docker config of this process's environment. */
    public static DockerCredentials fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static DockerCredentials fromEnvironment(Map<String, String> environment, Path home) {
        String dockerConfig = environment.get("DOCKER_CONFIG");
        Path directory = dockerConfig != null && !dockerConfig.isBlank()
                ? Path.of(dockerConfig)
                : Path.of(environment.getOrDefault("HOME", home.toString()), ".docker");
        return new DockerCredentials(directory, environment);
    }

    public Path configFile() {
        return configFile;
    }

    /**
     * The credential for {@code registry} (a reference's domain: {@code docker.io}, {@code host:5000}),
     * or empty for anonymous access.
     */
    public Optional<RegistryCredential> lookup(String registry) {
        DockerConfigFile config = DockerConfigFile.read(configFile);
        String key = ServerKeys.forRegistry(registry);
        Optional<CredentialHelper> helper = helperFor(config, registry, key);
        if (helper.isPresent()) {
            Optional<RegistryCredential> stored = helper.get().get(key);
            if (stored.isPresent()) {
                return stored;
            }
        }
        return config.auth(key);
    }

    /**
     * {@code kiln login}: hands the credential to the configured helper (leaving an empty marker in
     * {@code auths}, as docker does), or stores it base64-encoded in {@code auths}.
     */
    public void store(String registry, RegistryCredential credential) {
        DockerConfigFile config = DockerConfigFile.read(configFile);
        String key = ServerKeys.forRegistry(registry);
        Optional<CredentialHelper> helper = helperFor(config, registry, key);
        config.removeAuth(key);
        if (helper.isPresent()) {
            helper.get().store(key, credential);
            config.putEmptyAuth(key);
        } else {
            config.putAuth(key, credential);
        }
        config.save();
    }

    /** {@code kiln logout}: forgets the credential wherever it is kept; false if there was none. */
    public boolean erase(String registry) {
        DockerConfigFile config = DockerConfigFile.read(configFile);
        String key = ServerKeys.forRegistry(registry);
        Optional<CredentialHelper> helper = helperFor(config, registry, key);
        boolean erased = helper.isPresent() && helper.get().erase(key);
        if (config.removeAuth(key)) {
            config.save();
            erased = true;
        }
        return erased;
    }

    private Optional<CredentialHelper> helperFor(DockerConfigFile config, String registry, String key) {
        Optional<String> specific = config.credHelper(key).or(() -> config.credHelper(registry));
        if (specific.isPresent()) {
            return Optional.of(new CredentialHelper(specific.get(), "credHelpers of " + configFile, environment));
        }
        return config.credsStore().map(name -> new CredentialHelper(name, "credsStore of " + configFile, environment));
    }

    @Override
    public String toString() {
        return "DockerCredentials[" + configFile + "]";
    }
}
