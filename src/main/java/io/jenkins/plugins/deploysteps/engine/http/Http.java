package io.jenkins.plugins.deploysteps.engine.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * Sends {@link HttpRequestSpec}s: HTTP/1.1, one client (and its connection pool) for a whole step. Every
 * exchange has a deadline that covers connecting, each redirect and reading the complete body (the JDK's
 * request timeout stops at the response headers). Cookies set by one hop of a followed redirect go along on the next
 * ({@link CookieJar}), as a browser sends them. Failures keep their real cause.
 */
public final class Http {
    /** Bytes of a body that are kept for assertions and evidence; the rest is read and dropped. */
    public static final int BODY_LIMIT = 1 << 20;
    public static final int MAX_REDIRECTS = 10;
    private static final long CLIENT_TIMEOUT_GRACE_MILLIS = 250;

    private final HttpClient client;
    private final RecordingTrustManager trust;
    private final TrustSource trustSource;

    public Http(TrustSource trustSource) throws GeneralSecurityException {
        this.trustSource = trustSource;
        this.trust = new RecordingTrustManager(trustSource.trustManager());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        // Responses complete on the client's own selector thread instead of hopping to a pool thread first: the body
        // subscriber (CappedBody) never blocks, and the hop cost about a millisecond per request.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run).sslContext(ssl).build();
    }

    public TrustSource trustSource() {
        return trustSource;
    }

    /** Sends the request, following redirects by hand when asked, and returns the final complete response. */
    public HttpResult exchange(HttpRequestSpec spec) throws HttpFailure, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + spec.timeout().toNanos();
        HttpRequests.Hop hop = HttpRequests.Hop.first(spec);
        List<HttpResult.Redirect> redirects = new ArrayList<>();
        CookieJar jar = new CookieJar();
        while (true) {
            HttpResponse<CappedBody.Bytes> response = send(spec, hop, deadline, jar.header(hop.uri()));
            int status = response.statusCode();
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            String location = response.headers().firstValue("Location").orElse(null);
            URI target = HttpRequests.isRedirect(status) ? HttpRequests.resolve(hop.uri(), location).orElse(null) : null;
            if (target != null && spec.followRedirects()) {
                if (redirects.size() == MAX_REDIRECTS) {
                    throw new HttpFailure(HttpFailure.Kind.REDIRECTS, "more than " + MAX_REDIRECTS + " redirects, the last from " + hop.uri()
                            + " to " + target, null);
                }
                redirects.add(new HttpResult.Redirect(hop.uri(), status, target, setCookies));
                jar.store(hop.uri(), setCookies);
                hop = HttpRequests.next(spec, hop, status, target);
                continue;
            }
            if (target != null) {
                // Not followed: its cookies are the final response's own headers, not a hop's.
                redirects.add(new HttpResult.Redirect(hop.uri(), status, target));
            }
            CappedBody.Bytes body = response.body();
            return new HttpResult(hop.uri(), status, response.headers().map(), body.kept(), body.total(),
                    Duration.ofNanos(System.nanoTime() - started), null, redirects, tls(response));
        }
    }

    private HttpResponse<CappedBody.Bytes> send(HttpRequestSpec spec, HttpRequests.Hop hop, long deadline, String cookies)
            throws HttpFailure, InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timeout(spec, hop, -1);
        }
        HttpRequest request = HttpRequests.build(spec, hop, Duration.ofNanos(left), cookies);
        AtomicInteger headersStatus = new AtomicInteger(-1);
        CompletableFuture<HttpResponse<CappedBody.Bytes>> f = client.sendAsync(request, info -> {
            headersStatus.set(info.statusCode());
            return new CappedBody(BODY_LIMIT);
        });
        try {
            return f.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            HttpFailure phase = headersStatus.get() < 0 ? clientsOwnTimeout(spec, hop, f) : null;
            f.cancel(true); // closes the connection, so a server that trickles a body stops being read
            throw phase != null ? phase : timeout(spec, hop, headersStatus.get());
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(spec, hop, e.getCause(), headersStatus.get());
        }
    }

    /**
     * The client's request timeout fires at the same deadline as ours and knows more (still connecting or in the TLS
     * handshake), so it gets a moment to say so; null when it does not.
     */
    private HttpFailure clientsOwnTimeout(HttpRequestSpec spec, HttpRequests.Hop hop, CompletableFuture<?> f) throws InterruptedException {
        try {
            f.get(CLIENT_TIMEOUT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof HttpConnectTimeoutException ? failure(spec, hop, e.getCause(), -1) : null;
        } catch (TimeoutException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    private RecordingTrustManager.Seen seen(HttpRequests.Hop hop) {
        return trust.seen(hop.uri().getHost() + ":" + HttpRequests.port(hop.uri()));
    }

    private static String within(HttpRequestSpec spec) {
        return " within the timeout of " + io.jenkins.plugins.deploysteps.engine.params.Durations.format(spec.timeout());
    }

    private static HttpFailure timeout(HttpRequestSpec spec, HttpRequests.Hop hop, int headersStatus) {
        String within = within(spec);
        String what = headersStatus >= 0 ? "the response to " + hop.method() + " " + hop.uri() + " started (status " + headersStatus
                + ") but its body did not finish" + within : "no response from " + hop.uri() + within;
        return new HttpFailure(HttpFailure.Kind.TIMEOUT, what, null);
    }

    private HttpFailure failure(HttpRequestSpec spec, HttpRequests.Hop hop, Throwable cause, int headersStatus) {
        String server = HttpRequests.authority(hop.uri());
        if (cause instanceof HttpConnectTimeoutException) {
            return new HttpFailure(HttpFailure.Kind.TIMEOUT, ConnectPhase.timedOut(hop.uri(), within(spec), seen(hop)), null);
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout(spec, hop, headersStatus);
        }
        if (has(cause, UnresolvedAddressException.class) || has(cause, UnknownHostException.class)) {
            return new HttpFailure(HttpFailure.Kind.DNS, "cannot resolve host name '" + hop.uri().getHost() + "'", null);
        }
        if (cause instanceof ConnectException) {
            String m = RecordingTrustManager.rootMessage(cause);
            return new HttpFailure(HttpFailure.Kind.REFUSED, "cannot connect to " + server + ": "
                    + (m.equals("ConnectException") || m.equals("ClosedChannelException") ? "Connection refused" : m), null);
        }
        if (has(cause, SSLException.class)) {
            RecordingTrustManager.Seen seen = seen(hop);
            TlsInfo info = seen == null ? null : new TlsInfo(null, null, seen.chain(), seen.trusted(), seen.hostMatches(), seen.problem());
            String why = seen != null && seen.problem() != null ? seen.problem() : RecordingTrustManager.rootMessage(cause);
            return new HttpFailure(HttpFailure.Kind.TLS, "TLS handshake with " + server + " failed: " + why, info);
        }
        String m = cause instanceof IOException ? RecordingTrustManager.rootMessage(cause) : String.valueOf(cause);
        String when = headersStatus >= 0 ? " while reading the body of a " + headersStatus + " response" : "";
        return new HttpFailure(HttpFailure.Kind.CONNECTION, "connection to " + server + " failed" + when + ": " + m, null);
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static TlsInfo tls(HttpResponse<?> response) {
        if (response.sslSession().isEmpty()) {
            return null;
        }
        SSLSession s = response.sslSession().get();
        List<CertificateFacts> chain = new ArrayList<>();
        try {
            for (Certificate c : s.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    chain.add(CertificateFacts.of(x));
                }
            }
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            // No certificates (cannot happen with the trust manager in place): the chain stays empty.
        }
        return new TlsInfo(s.getProtocol(), s.getCipherSuite(), chain, true, true, null);
    }
}
