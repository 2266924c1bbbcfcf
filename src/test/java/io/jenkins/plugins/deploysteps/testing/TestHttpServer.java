package io.jenkins.plugins.deploysteps.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP(S) server on 127.0.0.1 whose behaviour each test sets per path: status, body, headers, delay,
 * redirects, a body that trickles past any timeout. It records what arrived, so tests can assert on requests too.
 */
public final class TestHttpServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the client's
        // delayed ACK add about 40 ms to every small response, which would be the server's slowness, not ours.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** What the server does for one path. */
    @FunctionalInterface
    public interface Behaviour {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Behaviour> paths = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> lastHeaders = new ConcurrentHashMap<>();

    private TestHttpServer(HttpServer server) {
        this.server = server;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public static TestHttpServer http() {
        try {
            return new TestHttpServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestHttpServer https(SSLContext tls) {
        try {
            HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new TestHttpServer(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestHttpServer on(String path, Behaviour behaviour) {
        paths.put(path, behaviour);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri(String path) {
        return URI.create((server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port() + path);
    }

    public String url(String path) {
        return uri(path).toString();
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** The headers of the last request to {@code path}, by lower-case name (first value). */
    public Map<String, String> lastHeaders(String path) {
        return lastHeaders.getOrDefault(path, Map.of());
    }

    private void dispatch(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Map<String, String> h = new ConcurrentHashMap<>();
        x.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        lastHeaders.put(path, h);
        x.getRequestBody().readAllBytes();
        Behaviour b = paths.get(path);
        try {
            if (b == null) {
                send(x, 404, "text/plain", "no behaviour for " + path);
            } else {
                b.handle(x);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            x.close();
        }
    }

    public static void send(HttpExchange x, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            x.getResponseHeaders().set("Content-Type", contentType);
        }
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    public static Behaviour text(int status, String body) {
        return x -> send(x, status, "text/plain; charset=utf-8", body);
    }

    public static Behaviour json(int status, String body) {
        return x -> send(x, status, "application/json", body);
    }

    public static Behaviour delayed(long millis, Behaviour then) {
        return x -> {
            Thread.sleep(millis);
            then.handle(x);
        };
    }

    public static Behaviour redirect(int status, String location) {
        return x -> {
            x.getResponseHeaders().set("Location", location);
            send(x, status, null, "");
        };
    }

    /** A text body of {@code bytes} letters, streamed in 64 KB writes without ever being held whole. */
    public static Behaviour huge(long bytes) {
        return x -> {
            x.getResponseHeaders().set("Content-Type", "text/plain");
            x.sendResponseHeaders(200, bytes);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            try (OutputStream out = x.getResponseBody()) {
                for (long left = bytes; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            } catch (IOException e) {
                // the client stopped reading
            }
        };
    }

    /** Headers at once, then one byte of a long body every {@code everyMillis}: a body that outlasts a timeout. */
    public static Behaviour trickle(long everyMillis, int bytes) {
        return x -> {
            x.getResponseHeaders().set("Content-Type", "text/plain");
            x.sendResponseHeaders(200, bytes);
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < bytes; i++) {
                    out.write('.');
                    out.flush();
                    Thread.sleep(everyMillis);
                }
            } catch (IOException e) {
                // the client gave up, as it should
            }
        };
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private interface Connection {
        void accepted(Socket s) throws IOException;
    }

    private static ServerSocket loopbackSocket() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts connections on a daemon thread until the socket is closed. */
    private static Thread acceptLoop(ServerSocket socket, String name, Connection each) {
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    each.accepted(socket.accept());
                } catch (IOException e) {
                    // closed, or the client went away first
                }
            }
        }, name);
        acceptor.setDaemon(true);
        acceptor.start();
        return acceptor;
    }

    /** A TCP server on 127.0.0.1 that accepts connections and never says a word: a TLS handshake with it never starts. */
    public static final class Silent implements AutoCloseable {
        private final ServerSocket socket;
        private final java.util.List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();

        public Silent() {
            socket = loopbackSocket();
            acceptLoop(socket, "test-silent-server", s -> accepted.add(s));
        }

        public URI https(String path) {
            return URI.create("https://127.0.0.1:" + socket.getLocalPort() + path);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    /** A TCP server on 127.0.0.1 that reads the request and resets the connection instead of answering. */
    public static final class Resetting implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread acceptor;

        public Resetting() {
            socket = loopbackSocket();
            acceptor = acceptLoop(socket, "test-resetting-server", connection -> {
                try (Socket s = connection) {
                    s.setSoTimeout(2000);
                    s.getInputStream().read(new byte[4096]);
                    s.setSoLinger(true, 0); // close with RST
                }
            });
        }

        public URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        @Override
        public void close() {
            try {
                socket.close();
                acceptor.join(TimeUnit.SECONDS.toMillis(5));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A port on 127.0.0.1 where nothing listens (it was bound and released), so connecting is refused. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
