package dev.kiln.registry;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A TCP proxy that speaks just enough HTTP/1.1 to misbehave on purpose in front of a registry:
 * one request per connection ({@code Connection: close} both ways), and per matching request it
 * can answer 500 or 429 itself, cut the response body halfway, flip a body byte, or hide
 * {@code Range} from the registry. It logs every request line with the status it returned.
 */
final class FaultProxy implements AutoCloseable {
    enum Fault { FAIL_500, RATE_LIMIT_429, DROP_HALFWAY, CORRUPT, STRIP_RANGE }

    private record Rule(String method, Predicate<String> path, Fault fault, AtomicInteger remaining) {
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Applies {@code fault} to the next {@code times} requests (negative: all) of {@code method} whose path matches. */
    void inject(String method, Predicate<String> path, Fault fault, int times) {
        rules.add(new Rule(method, path, fault, new AtomicInteger(times)));
    }

    void clearFaults() {
        rules.clear();
    }

    /** "METHOD path [range] -> status" per request, in order. */
    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> handle(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.getFirst().split(" ");
            String range = header(head, "range");
            Fault fault = faultFor(requestLine[0], requestLine[1]);
            String entry = requestLine[0] + " " + requestLine[1] + (range.isEmpty() ? "" : " [" + range + "]");
            if (fault == Fault.FAIL_500 || fault == Fault.RATE_LIMIT_429) {
                answerItself(client.getOutputStream(), fault);
                log.add(entry + " -> " + (fault == Fault.FAIL_500 ? "500" : "429") + " (injected)");
                return;
            }
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
                OutputStream up = upstream.getOutputStream();
                up.write(rewriteHead(head, fault == Fault.STRIP_RANGE).getBytes(StandardCharsets.ISO_8859_1));
                up.flush();
                Thread pump = Thread.ofVirtual().start(() -> copyQuietly(in, up));
                int status = relayResponse(upstream.getInputStream(), client.getOutputStream(), fault);
                log.add(entry + " -> " + status + (fault == null ? "" : " (" + fault + ")"));
                pump.interrupt();
            }
        } catch (IOException ignored) {
            // the client or the registry went away; nothing to clean
        }
    }

    private Fault faultFor(String method, String path) {
        for (Rule rule : rules) {
            if (rule.method.equals(method) && rule.path.test(path)) {
                if (rule.remaining.get() < 0 || rule.remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return rule.fault;
                }
            }
        }
        return null;
    }

    private static void answerItself(OutputStream out, Fault fault) throws IOException {
        String body = "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"injected by the test proxy\"}]}";
        String status = fault == Fault.FAIL_500 ? "500 Internal Server Error" : "429 Too Many Requests";
        String extra = fault == Fault.RATE_LIMIT_429 ? "Retry-After: 1\r\n" : "";
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\n" + extra + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Relays the registry's response; returns its status. */
    private static int relayResponse(InputStream upstream, OutputStream client, Fault fault) throws IOException {
        InputStream in = new BufferedInputStream(upstream);
        List<String> head = readHead(in);
        if (head.isEmpty()) {
            return 0;
        }
        int status = Integer.parseInt(head.getFirst().split(" ")[1]);
        client.write((String.join("\r\n", head) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        String lengthHeader = header(head, "content-length");
        long length = lengthHeader.isEmpty() ? -1 : Long.parseLong(lengthHeader);
        long cutAt = fault == Fault.DROP_HALFWAY && length > 1 ? length / 2 : Long.MAX_VALUE;
        long corruptAt = fault == Fault.CORRUPT && length > 0 ? length / 3 : -1;
        byte[] buffer = new byte[16 * 1024];
        long sent = 0;
        int n;
        while (sent < cutAt && (n = in.read(buffer, 0, (int) Math.min(buffer.length, cutAt - sent))) > 0) {
            if (corruptAt >= sent && corruptAt < sent + n) {
                buffer[(int) (corruptAt - sent)] ^= 0x5a;
            }
            client.write(buffer, 0, n);
            sent += n;
        }
        client.flush();
        return status;
    }

    private static String rewriteHead(List<String> head, boolean stripRange) {
        StringBuilder out = new StringBuilder(head.getFirst()).append("\r\n");
        for (String line : head.subList(1, head.size())) {
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).toLowerCase(Locale.ROOT);
            if (name.equals("connection") || (stripRange && name.equals("range"))) {
                continue;
            }
            out.append(line).append("\r\n");
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    private static String header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
    }

    private static void copyQuietly(InputStream in, OutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // connection closed once the response is through
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
