package io.jenkins.plugins.deploysteps.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small magic-link application on 127.0.0.1 with the endpoints the deployment checklist's login checks call, mailing its links over real SMTP: what
 * magicLinkAuthCheck is tested (and demonstrated, through {@link #main}) against. Switches make it misbehave the
 * ways real apps do.
 *
 * <pre>
 * POST /api/auth/send-magic-link {"email": ...}   mail a link (rate limited per address), 200 {"message": "sent"}
 * GET  /api/auth/verify?token=T                   200 {"sessionToken", "refreshToken", "user"} + Set-Cookie sid; 400 unknown/used, 401 expired
 * GET  /auth/verify?token=T                       the emailed link: verifies, sets the sid cookie and redirects to /welcome
 * GET  /welcome                                   200 with the sid cookie, else 401
 * GET  /api/user/profile                          Bearer or sid cookie: 200 {"email"}, else 401
 * POST /api/chat {"message", "sessionToken"}      200 {"reply"} with a session in the body, else 401
 * POST /api/auth/refresh                          Bearer or sid cookie: 200 {"sessionToken": new}, else 401
 * </pre>
 */
public final class MagicLinkApp implements AutoCloseable {
    static {
        // As in TestHttpServer: without TCP_NODELAY every small response waits ~40 ms for the client's delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Ways to be wrong, each one a check of the step must catch. */
    public enum Misbehaviour {
        /** Any token verifies. */
        ACCEPT_INVALID_TOKEN,
        /** A token can be used again. */
        ALLOW_REUSE,
        /** No limit on requesting links. */
        NO_RATE_LIMIT,
        /** The email goes out {@link Settings#slowMail} after the request, plus up to 250 ms (so it lands anywhere in a poll interval). */
        SLOW_MAIL,
        /** Says it sent the email, but does not. */
        NO_MAIL,
        /** The emailed link carries a token the app does not know. */
        WRONG_LINK,
        /** Issues sessions it then does not accept. */
        SESSION_NOT_ACCEPTED,
        /** The send response carries the token and the link, as development builds return them. */
        ECHO_TOKEN,
        /** The send response is a session, {"sessionToken": ...}, without any email. */
        SESSION_ON_SEND
    }

    /**
     * How the app runs.
     *
     * @param linkLog when set, every link is also written there (as apps log links in development)
     * @param usersFile when set, each verified address is appended there (the "user record")
     * @param linkBase when set, what the emailed link starts with instead of the app's own URL (another origin, a file: link)
     */
    public record Settings(String smtpHost, int smtpPort, Set<Misbehaviour> misbehaviours, int rateLimit, Duration tokenTtl, Duration slowMail,
            Path linkLog, Path usersFile, boolean secureCookie, String linkBase) {
        public static Settings of(String smtpHost, int smtpPort) {
            return new Settings(smtpHost, smtpPort, EnumSet.noneOf(Misbehaviour.class), 5, Duration.ofMinutes(15), Duration.ofSeconds(3), null, null,
                    false, null);
        }

        public Settings misbehaving(Misbehaviour... m) {
            EnumSet<Misbehaviour> all = misbehaviours.isEmpty() ? EnumSet.noneOf(Misbehaviour.class) : EnumSet.copyOf(misbehaviours);
            all.addAll(List.of(m));
            return new Settings(smtpHost, smtpPort, all, rateLimit, tokenTtl, slowMail, linkLog, usersFile, secureCookie, linkBase);
        }

        public Settings tokenTtl(Duration ttl) {
            return new Settings(smtpHost, smtpPort, misbehaviours, rateLimit, ttl, slowMail, linkLog, usersFile, secureCookie, linkBase);
        }

        public Settings slowMail(Duration delay) {
            return new Settings(smtpHost, smtpPort, misbehaviours, rateLimit, tokenTtl, delay, linkLog, usersFile, secureCookie, linkBase);
        }

        public Settings linkBase(String base) {
            return new Settings(smtpHost, smtpPort, misbehaviours, rateLimit, tokenTtl, slowMail, linkLog, usersFile, secureCookie, base);
        }

        public Settings files(Path links, Path users) {
            return new Settings(smtpHost, smtpPort, misbehaviours, rateLimit, tokenTtl, slowMail, links, users, secureCookie, linkBase);
        }
    }

    private record Token(String email, Instant created, boolean used) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COOKIE = "sid";
    private static final Duration SMTP_TIMEOUT = Duration.ofSeconds(10);

    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> requests = new ConcurrentHashMap<>();
    private volatile Instant lastMailDelivered;

    public MagicLinkApp(Settings settings) {
        this.settings = settings;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "magic-link-app");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** When the mail server last accepted one of the app's emails (SMTP finished), or null. */
    public Instant lastMailDelivered() {
        return lastMailDelivered;
    }

    /** Every token the app has issued (to prove none leaked into logs and reports). */
    public Set<String> issuedTokens() {
        return Set.copyOf(tokens.keySet());
    }

    /** Every session the app has issued. */
    public Set<String> issuedSessions() {
        return Set.copyOf(sessions.keySet());
    }

    private void dispatch(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            switch (method + " " + path) {
                case "POST /api/auth/send-magic-link" -> send(x);
                case "GET /api/auth/verify" -> verifyApi(x);
                case "GET /auth/verify" -> verifyLink(x);
                case "GET /welcome" -> welcome(x);
                case "GET /api/user/profile" -> profile(x);
                case "POST /api/chat" -> chat(x);
                case "POST /api/auth/refresh" -> refresh(x);
                default -> json(x, 404, Map.of("error", "no such endpoint: " + method + " " + path));
            }
        } catch (RuntimeException e) {
            json(x, 500, Map.of("error", String.valueOf(e)));
        } finally {
            x.close();
        }
    }

    private void send(HttpExchange x) throws IOException {
        JsonNode body = body(x);
        String email = body.path("email").asText("");
        if (!email.matches("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+")) {
            json(x, 400, Map.of("error", "a valid email is required"));
            return;
        }
        if (!settings.misbehaviours().contains(Misbehaviour.NO_RATE_LIMIT) && !allowed(email)) {
            json(x, 429, Map.of("error", "too many requests; try again later"));
            return;
        }
        String token = random(24);
        tokens.put(token, new Token(email, Instant.now(), false));
        String linkToken = settings.misbehaviours().contains(Misbehaviour.WRONG_LINK) ? random(24) : token;
        String link = (settings.linkBase() == null ? url() : settings.linkBase()) + "/auth/verify?token=" + linkToken + "&source=email";
        if (settings.linkLog() != null) {
            Files.writeString(settings.linkLog(), Instant.now() + " INFO magic link for " + email + ": " + link + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (!settings.misbehaviours().contains(Misbehaviour.NO_MAIL)) {
            if (settings.misbehaviours().contains(Misbehaviour.SLOW_MAIL)) {
                threads.execute(() -> {
                    try {
                        Thread.sleep(settings.slowMail().toMillis() + RANDOM.nextInt(250));
                        mail(email, link);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } else {
                mail(email, link);
            }
        }
        if (settings.misbehaviours().contains(Misbehaviour.SESSION_ON_SEND)) {
            json(x, 200, Map.of("sessionToken", newSession(email)));
        } else if (settings.misbehaviours().contains(Misbehaviour.ECHO_TOKEN)) {
            json(x, 200, Map.of("message", "sent", "devToken", token, "devLink", link));
        } else {
            json(x, 200, Map.of("message", "sent"));
        }
    }

    private synchronized boolean allowed(String email) {
        Instant now = Instant.now();
        List<Instant> recent = requests.computeIfAbsent(email, e -> new ArrayList<>());
        recent.removeIf(t -> t.isBefore(now.minus(Duration.ofMinutes(1))));
        if (recent.size() >= settings.rateLimit()) {
            return false;
        }
        recent.add(now);
        return true;
    }

    /** A multipart email as real apps send it: a text part and an HTML part (with the link's {@code &} escaped). */
    private void mail(String to, String link) {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.smtpHost());
        p.put("mail.smtp.port", Integer.toString(settings.smtpPort()));
        String ms = Long.toString(SMTP_TIMEOUT.toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(p));
            m.setFrom(new InternetAddress("no-reply@app.example.test", "Magic Link App"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            m.setSubject("Your sign-in link");
            m.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Hello,\n\nsign in with this link (valid for 15 minutes):\n" + link + "\n\nIf you did not ask for it, ignore this email.\n",
                    "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent("<p>Hello,</p><p><a href=\"" + link.replace("&", "&amp;") + "\">Sign in</a></p><p><a href=\"" + url()
                    + "/help\">Help</a></p>", "text/html; charset=UTF-8");
            m.setContent(new MimeMultipart("alternative", text, html));
            Transport.send(m);
            lastMailDelivered = Instant.now();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot mail " + to + " through " + settings.smtpHost() + ":" + settings.smtpPort() + ": " + e, e);
        }
    }

    /** The session for a token, or an error status; marks the token used. */
    private Object verify(String token) {
        Token t = token == null ? null : tokens.get(token);
        if (t == null) {
            if (settings.misbehaviours().contains(Misbehaviour.ACCEPT_INVALID_TOKEN) && token != null) {
                return newSession("someone@example.test");
            }
            return 400;
        }
        if (t.used() && !settings.misbehaviours().contains(Misbehaviour.ALLOW_REUSE)) {
            return 400;
        }
        if (t.created().plus(settings.tokenTtl()).isBefore(Instant.now())) {
            return 401;
        }
        tokens.put(token, new Token(t.email(), t.created(), true));
        if (settings.usersFile() != null) {
            try {
                Files.writeString(settings.usersFile(), t.email() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return newSession(t.email());
    }

    private String newSession(String email) {
        String s = random(32);
        sessions.put(s, email);
        return s;
    }

    private void verifyApi(HttpExchange x) throws IOException {
        Object r = verify(query(x, "token"));
        if (r instanceof Integer status) {
            json(x, status, Map.of("error", status == 401 ? "token expired" : "invalid or used token"));
            return;
        }
        String session = (String) r;
        x.getResponseHeaders().add("Set-Cookie", cookie(session));
        ObjectNode out = JSON.createObjectNode();
        out.put("sessionToken", session);
        out.put("refreshToken", random(32));
        out.putObject("user").put("email", sessions.get(session));
        json(x, 200, out);
    }

    private void verifyLink(HttpExchange x) throws IOException {
        Object r = verify(query(x, "token"));
        if (r instanceof Integer status) {
            json(x, status, Map.of("error", "this link is invalid or was used already"));
            return;
        }
        x.getResponseHeaders().add("Set-Cookie", cookie((String) r));
        x.getResponseHeaders().add("Location", "/welcome");
        x.sendResponseHeaders(302, -1);
    }

    private String cookie(String session) {
        return COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax" + (settings.secureCookie() ? "; Secure" : "");
    }

    private void welcome(HttpExchange x) throws IOException {
        String email = session(x, null);
        if (email == null) {
            json(x, 401, Map.of("error", "not signed in"));
        } else {
            json(x, 200, Map.of("welcome", email));
        }
    }

    private void profile(HttpExchange x) throws IOException {
        String email = session(x, null);
        if (email == null) {
            json(x, 401, Map.of("error", "authentication required"));
        } else {
            json(x, 200, Map.of("email", email, "name", email.substring(0, email.indexOf('@'))));
        }
    }

    private void chat(HttpExchange x) throws IOException {
        JsonNode body = body(x);
        String email = session(x, body.path("sessionToken").asText(null));
        if (email == null) {
            json(x, 401, Map.of("error", "authentication required"));
        } else {
            json(x, 200, Map.of("reply", "you said: " + body.path("message").asText(""), "user", email));
        }
    }

    private void refresh(HttpExchange x) throws IOException {
        String email = session(x, null);
        if (email == null) {
            json(x, 401, Map.of("error", "authentication required"));
            return;
        }
        String s = newSession(email);
        x.getResponseHeaders().add("Set-Cookie", cookie(s));
        json(x, 200, Map.of("sessionToken", s));
    }

    /** The address of the session the request carries (bearer, cookie, or {@code fromBody}), or null. */
    private String session(HttpExchange x, String fromBody) {
        if (settings.misbehaviours().contains(Misbehaviour.SESSION_NOT_ACCEPTED)) {
            return null;
        }
        String s = fromBody;
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (s == null && auth != null && auth.startsWith("Bearer ")) {
            s = auth.substring("Bearer ".length());
        }
        String cookies = x.getRequestHeaders().getFirst("Cookie");
        if (s == null && cookies != null) {
            for (String c : cookies.split(";")) {
                if (c.trim().startsWith(COOKIE + "=")) {
                    s = c.trim().substring(COOKIE.length() + 1);
                }
            }
        }
        return s == null ? null : sessions.get(s);
    }

    private static String query(HttpExchange x, String name) {
        String q = x.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static JsonNode body(HttpExchange x) throws IOException {
        byte[] b = x.getRequestBody().readAllBytes();
        try {
            return b.length == 0 ? JSON.createObjectNode() : JSON.readTree(b);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static void json(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /**
     * Runs the app outside the tests (the demo): {@code --smtp-port N [--smtp-host H] [--link-log FILE] [--users-file
     * FILE] [--port-file FILE]}. Prints its URL, writes it to the port file when asked, and serves until killed.
     */
    public static void main(String[] args) throws Exception {
        String smtpHost = "127.0.0.1";
        Integer smtpPort = null;
        Path links = null;
        Path users = null;
        Path urlFile = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--smtp-host" -> smtpHost = args[i + 1];
                case "--smtp-port" -> smtpPort = Integer.parseInt(args[i + 1]);
                case "--link-log" -> links = Path.of(args[i + 1]);
                case "--users-file" -> users = Path.of(args[i + 1]);
                case "--url-file" -> urlFile = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (smtpPort == null || args.length % 2 != 0) {
            System.err.println("usage: MagicLinkApp --smtp-port N [--smtp-host H] [--link-log FILE] [--users-file FILE] [--url-file FILE]");
            System.exit(64);
        }
        MagicLinkApp app = new MagicLinkApp(Settings.of(smtpHost, smtpPort).files(links, users));
        if (urlFile != null) {
            Files.writeString(urlFile, app.url() + "\n", StandardCharsets.UTF_8);
        }
        System.out.println("magic-link app: " + app.url() + " (mail through " + smtpHost + ":" + smtpPort + ")");
        Thread.currentThread().join();
    }

    /** For the demo's readiness check and for tests: the base URL as a URI. */
    public URI uri() {
        return URI.create(url());
    }
}
