package dev.kiln.solve.mount;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A socket in a private temp dir that forwards every connection to an SSH agent, as BuildKit does: the
 * step gets a socket with the mount's mode and owner, and the host's agent socket is never changed.
 */
final class SshAgentProxy implements AutoCloseable {
    private final Path upstream;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    private SshAgentProxy(Path upstream, Path socket, ServerSocketChannel server) {
        this.upstream = upstream;
        this.socket = socket;
        this.server = server;
    }

    /** Listens at {@code socket} (which must not exist), owned and moded as given. */
    static SshAgentProxy start(Path upstream, Path socket, int mode, int uid, int gid) {
        try {
            var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setAttribute(socket, "unix:uid", uid);
            Files.setAttribute(socket, "unix:gid", gid);
            Files.setAttribute(socket, "unix:mode", mode & 07777);
            var proxy = new SshAgentProxy(upstream, socket, server);
            Thread.ofVirtual().name("ssh-agent-proxy").start(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new MountException("cannot create the ssh agent socket " + socket + ": " + e.getMessage(), e);
        }
    }

    Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                var client = server.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> forward(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(SocketChannel client) {
        try (client; var agent = SocketChannel.open(UnixDomainSocketAddress.of(upstream))) {
            open.add(agent);
            var back = Thread.ofVirtual().start(() -> pump(agent, client));
            pump(client, agent);
            back.join();
        } catch (IOException | InterruptedException e) {
            // the agent is gone or the step ended: the client sees its connection close
        } finally {
            open.remove(client);
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        var buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) to.write(buffer);
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // either side closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (var channel : open) channel.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new MountException("cannot close the ssh agent socket " + socket + ": " + e.getMessage(), e);
        }
    }
}
