package dev.kiln.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The JVM's default proxy selector while registry tests run: loopback hosts are reached directly;
 * any other host (say a mirror failing over to Docker Hub) is sent to a closed loopback port, so
 * no request leaves the machine, and is recorded for the test to assert on.
 */
final class LoopbackOnly extends ProxySelector implements AutoCloseable {
    private static final int CLOSED_PORT = 9; // discard: nothing listens there on loopback

    private final ProxySelector previous;
    private final List<URI> refused = Collections.synchronizedList(new ArrayList<>());

    LoopbackOnly(ProxySelector previous) {
        this.previous = previous;
    }

    static LoopbackOnly install() {
        var guard = new LoopbackOnly(ProxySelector.getDefault());
        ProxySelector.setDefault(guard);
        return guard;
    }

    /** Every non-loopback URI something tried to reach. */
    List<URI> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (isLoopback(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        refused.add(uri);
        return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), CLOSED_PORT)));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // the closed port refusing is the point
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        var bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equals("localhost") || bare.equals("::1") || bare.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    @Override
    public void close() {
        ProxySelector.setDefault(previous);
    }
}
