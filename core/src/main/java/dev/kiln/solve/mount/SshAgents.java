package dev.kiln.solve.mount;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The agent socket an {@code --ssh} value names: a running agent's socket, or a new ssh-agent holding key files. */
final class SshAgents {
    private static final int SOCKET_TYPE = 0140000;

    private SshAgents() {}

    /** @param agent the ssh-agent started for key files, to stop after the step */
    record Upstream(Path socket, Optional<AutoCloseable> agent) {}

    static Upstream socketFor(String id, List<Path> paths, Path tempDir) {
        for (var path : paths) {
            if (!Files.exists(path)) {
                throw new MountException("--ssh " + id + ": " + path + " does not exist; give an agent socket or key file");
            }
        }
        if (paths.size() == 1 && isSocket(paths.getFirst())) return new Upstream(paths.getFirst(), Optional.empty());
        return startAgent(id, paths, tempDir.resolve("upstream.sock"));
    }

    private static boolean isSocket(Path path) {
        try {
            return ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000) == SOCKET_TYPE;
        } catch (IOException e) {
            return false;
        }
    }

    private static Upstream startAgent(String id, List<Path> keys, Path socket) {
        Process agent;
        try {
            agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new MountException("--ssh " + id + " names key files, which need ssh-agent (openssh-client): "
                    + e.getMessage(), e);
        }
        AutoCloseable stop = () -> {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        };
        try {
            awaitSocket(agent, socket);
            addKeys(id, keys, socket);
            return new Upstream(socket, Optional.of(stop));
        } catch (RuntimeException e) {
            agent.destroyForcibly();
            throw e;
        }
    }

    private static void awaitSocket(Process agent, Path socket) {
        for (int i = 0; i < 200 && !Files.exists(socket); i++) {
            if (!agent.isAlive()) throw new MountException("ssh-agent exited at once (status " + agent.exitValue() + ")");
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MountException("interrupted while starting ssh-agent", e);
            }
        }
        if (!Files.exists(socket)) throw new MountException("ssh-agent did not create its socket " + socket);
    }

    private static void addKeys(String id, List<Path> keys, Path socket) {
        var command = new ArrayList<>(List.of("ssh-add", "-q"));
        keys.forEach(k -> command.add(k.toString()));
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("SSH_AUTH_SOCK", socket.toString());
            builder.environment().remove("DISPLAY");
            builder.environment().remove("SSH_ASKPASS");
            var process = builder.start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0) {
                throw new MountException("--ssh " + id + ": ssh-add could not load " + keys + ": " + output
                        + " (a key with a passphrase needs an agent: use --ssh " + id + "=$SSH_AUTH_SOCK)");
            }
        } catch (IOException e) {
            throw new MountException("--ssh " + id + ": cannot run ssh-add: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MountException("interrupted while loading ssh keys", e);
        }
    }
}
