package dev.kiln.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.KilnException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One {@code docker-credential-<name>} program, spoken to as the docker CLI does: the action as
 * argument ({@code get}, {@code store}, {@code erase}), the request on stdin, JSON on stdout.
 */
final class CredentialHelper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = "credentials not found in native keychain";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final long TIMEOUT_SECONDS = 120; // helpers may wait for a keyring unlock prompt

    private final String program;
    private final String origin;
    private final Map<String, String> environment;

    /**
     * @param name        the helper's suffix, e.g. {@code pass}, {@code ecr-login}
     * @param origin      where it was configured, for error messages
     * @param environment the environment its PATH is searched in and it runs with
     */
    CredentialHelper(String name, String origin, Map<String, String> environment) {
        if (!NAME.matcher(name).matches()) {
            throw new KilnException("invalid credential helper name \"" + name + "\" in " + origin);
        }
        this.program = "docker-credential-" + name;
        this.origin = origin;
        this.environment = Map.copyOf(environment);
    }

    Optional<RegistryCredential> get(String serverUrl) {
        Result result = run("get", serverUrl);
        if (result.exitCode() != 0) {
            if (result.output().contains(NOT_FOUND)) {
                return Optional.empty();
            }
            throw failure("get", serverUrl, result);
        }
        JsonNode reply = parse("get", serverUrl, result);
        String username = reply.path("Username").asText("");
        String secret = reply.path("Secret").asText("");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(username.equals(RegistryCredential.TOKEN_USERNAME)
                ? RegistryCredential.token("", secret)
                : RegistryCredential.basic(username, secret));
    }

    void store(String serverUrl, RegistryCredential credential) {
        ObjectNode request = JSON.createObjectNode();
        request.put("ServerURL", serverUrl);
        request.put("Username", credential.isIdentityToken() ? RegistryCredential.TOKEN_USERNAME : credential.username());
        request.put("Secret", credential.isIdentityToken() ? credential.identityToken() : credential.password());
        Result result = run("store", request.toString());
        if (result.exitCode() != 0) {
            throw failure("store", serverUrl, result);
        }
    }

    /** Forgets {@code serverUrl}; returns false when the helper had nothing for it. */
    boolean erase(String serverUrl) {
        Result result = run("erase", serverUrl);
        if (result.exitCode() != 0) {
            if (result.output().contains(NOT_FOUND)) {
                return false;
            }
            throw failure("erase", serverUrl, result);
        }
        return true;
    }

    private record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return (stdout + "\n" + stderr).strip();
        }
    }

    private Result run(String action, String input) {
        Path executable = locate();
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), action);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try (var errors = Executors.newVirtualThreadPerTaskExecutor()) {
            Process process = builder.start();
            Future<byte[]> stderr = errors.submit(() -> readAll(process.getErrorStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            byte[] stdout = readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new KilnException(program + " " + action + " did not finish within " + TIMEOUT_SECONDS + "s");
            }
            return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                    new String(stderr.get(), StandardCharsets.UTF_8));
        } catch (IOException | ExecutionException e) {
            throw new KilnException("cannot run " + executable + " " + action + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnException(program + " " + action + " was interrupted", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** The program on the configured PATH (the environment's, which need not be this process's). */
    private Path locate() {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(":")) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new KilnException(program + " (configured in " + origin + ") was not found in PATH; install it or "
                + "remove it from the docker config");
    }

    private JsonNode parse(String action, String serverUrl, Result result) {
        try {
            return JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new KilnException(program + " " + action + " for " + serverUrl + " printed invalid JSON: "
                    + e.getMessage(), e);
        }
    }

    private KilnException failure(String action, String serverUrl, Result result) {
        return new KilnException(program + " " + action + " for " + serverUrl + " failed (exit " + result.exitCode()
                + "): " + (result.output().isEmpty() ? "no message" : result.output()));
    }

    @Override
    public String toString() {
        return program;
    }
}
