package io.jenkins.plugins.deploysteps.engine.http;

import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A complete response as assertions see it, whoever fetched it: the JDK client here, or curl or wget on a host
 * or in a container.
 *
 * @param url where the final response came from (after redirects that were followed)
 * @param headers by lower-case name
 * @param body the first {@link Http#BODY_LIMIT} bytes
 * @param bodyBytes how many bytes the body really had
 * @param elapsed from sending the first request to the end of the last body
 * @param timing how {@code elapsed} was measured when it was not measured here (e.g. "curl time_total"); null otherwise
 * @param redirects every redirect followed, in order, or the one that was not followed
 * @param tls the TLS session of an https response, null otherwise
 */
public record HttpResult(
        URI url, int status, Map<String, List<String>> headers, byte[] body, long bodyBytes, Duration elapsed, String timing,
        List<Redirect> redirects, TlsInfo tls) {

    /** One redirect: from where, with which status, to where, and the cookies it set (when it was followed). */
    public record Redirect(URI from, int status, URI to, List<String> setCookies) {
        public Redirect {
            setCookies = List.copyOf(setCookies);
        }

        public Redirect(URI from, int status, URI to) {
            this(from, status, to, List.of());
        }

        @Override
        public String toString() {
            return status + " " + from + " -> " + to;
        }
    }

    public HttpResult {
        Map<String, List<String>> h = new TreeMap<>();
        headers.forEach((k, v) -> h.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        h.replaceAll((k, v) -> List.copyOf(v));
        headers = Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body;
        redirects = List.copyOf(redirects);
    }

    /** Every cookie set along the way: by each redirect followed, in order, then by the final response. */
    public List<SetCookie> setCookies() {
        List<SetCookie> out = new ArrayList<>();
        for (Redirect r : redirects) {
            r.setCookies().forEach(h -> SetCookie.parse(h).ifPresent(out::add));
        }
        header("Set-Cookie").forEach(h -> SetCookie.parse(h).ifPresent(out::add));
        return out;
    }

    public boolean truncated() {
        return bodyBytes > body.length;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Every value of a header, matched without regard to case. */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The status line and headers, then the body (at most {@code maxBody} characters), as evidence for a report. */
    public String describe(int maxBody) {
        StringBuilder b = new StringBuilder();
        for (Redirect r : redirects) {
            b.append("redirect: ").append(r).append('\n');
        }
        b.append(status).append(' ').append(url).append('\n');
        headers.forEach((k, vs) -> vs.forEach(v -> b.append(k).append(": ").append(v).append('\n')));
        String text = bodyText();
        b.append('\n').append(text.length() > maxBody ? text.substring(0, maxBody) + SecretMasker.CUT + "\n[" + bodyBytes + " bytes in all]" : text);
        if (truncated() && text.length() <= maxBody) {
            b.append(SecretMasker.CUT + "\n[" + bodyBytes + " bytes in all; only the first " + body.length + " were kept]");
        }
        return b.toString();
    }
}
