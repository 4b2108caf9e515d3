package dev.kiln.cli.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The files parallel-and-secret downloads, served on 127.0.0.1. {@code a.txt} and {@code b.txt} answer
 * only once both were asked for (or after a timeout), so the build can only be quick if its two fetch
 * stages run at the same time; {@code private/} needs the token as HTTP Basic authentication.
 */
final class FileServer implements AutoCloseable {
    private static final long BARRIER_SECONDS = 90;

    private final HttpServer server;
    private final CountDownLatch bothFetches = new CountDownLatch(2);
    private final AtomicBoolean metAtTheBarrier = new AtomicBoolean();
    private final AtomicInteger authorized = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    FileServer(Path files, String token) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        var expected = "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        server.createContext("/a.txt", exchange -> fetchTogether(exchange, files.resolve("a.txt")));
        server.createContext("/b.txt", exchange -> fetchTogether(exchange, files.resolve("b.txt")));
        server.createContext("/private/", exchange -> {
            if (expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                authorized.incrementAndGet();
                send(exchange, 200, Files.readAllBytes(files.resolve(exchange.getRequestURI().getPath().substring(1))));
            } else {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"private\"");
                send(exchange, 401, "token needed\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether a.txt and b.txt were both requested while the other was still waiting. */
    boolean fetchesOverlapped() {
        return metAtTheBarrier.get();
    }

    int authorizedRequests() {
        return authorized.get();
    }

    int refusedRequests() {
        return refused.get();
    }

    private void fetchTogether(HttpExchange exchange, Path file) throws IOException {
        bothFetches.countDown();
        try {
            if (bothFetches.await(BARRIER_SECONDS, TimeUnit.SECONDS)) metAtTheBarrier.set(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        send(exchange, 200, Files.readAllBytes(file));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
