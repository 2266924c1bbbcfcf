package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequests;
import io.jenkins.plugins.deploysteps.engine.http.HttpResult;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what curl and wget printed back into an {@link HttpResult}, so the same assertions judge a response
 * fetched on a host or in a container as one fetched here. Anything unexpected is a {@link ProbeException} with
 * the tool's own words, never a guessed status.
 */
final class ProbeOutput {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/[0-9.]+\\s+(\\d{3}).*");

    /** The probe ran but gave no response to judge: the message is the tool's own account of why. */
    static final class ProbeException extends Exception {
        private static final long serialVersionUID = 1L;

        ProbeException(String message) {
            super(message);
        }
    }

    /** One status line and its headers. */
    record Block(int status, Map<String, List<String>> headers) {
        String first(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    private ProbeOutput() {}

    /** A shell or {@code docker exec} saying the program does not exist (exit 127, or 126 for "not found"). */
    static boolean missingProgram(ExecResult r) {
        String err = r.stderrText().toLowerCase(java.util.Locale.ROOT);
        return r.exitCode() == 127 || r.exitCode() == 126 && (err.contains("not found") || err.contains("no such file"));
    }

    /** curl's output: header blocks (one per hop), the body, then the marker line with status and time_total. */
    static HttpResult curl(ExecResult r, URI requested, String nonce, boolean followed) throws ProbeException {
        if (r.exitCode() != 0) {
            throw new ProbeException("curl failed (exit " + r.exitCode() + "): " + r.tail(2));
        }
        byte[] out = r.stdout();
        byte[] marker = ("\n" + ProbeCommands.MARKER + nonce + " ").getBytes(StandardCharsets.UTF_8);
        int at = lastIndexOf(out, marker);
        if (at < 0) {
            throw new ProbeException("curl's output has no timing line; it printed: " + oneLine(r.stdoutText()));
        }
        String[] timing = new String(out, at + marker.length, out.length - at - marker.length, StandardCharsets.UTF_8).trim().split("\\s+");
        Duration elapsed = Duration.ofNanos((long) (Double.parseDouble(timing[1]) * 1e9));
        List<Block> blocks = new ArrayList<>();
        int bodyStart = headerBlocks(out, at, blocks);
        if (blocks.isEmpty()) {
            throw new ProbeException("curl returned no response headers; it printed: " + oneLine(r.stdoutText()));
        }
        ExecResult.Cut cut = r.stdoutCut();
        // A body longer than the output kept: its head is kept, the cut-out middle and the kept end only counted.
        byte[] body = Arrays.copyOfRange(out, bodyStart, Math.min(bodyStart + Http.BODY_LIMIT, cut == null ? at : Math.max(bodyStart, Math.min(at, cut.at()))));
        long total = at - bodyStart + (cut == null ? 0 : cut.dropped());
        return result(blocks, requested, followed, body, total, elapsed, "curl time_total");
    }

    /**
     * wget's output: {@code -S} writes each hop's headers to stderr, indented, and the body goes to stdout. On an
     * error status wget exits non-zero but the headers are there; without any headers the exit is the cause.
     */
    static HttpResult wget(ExecResult r, URI requested, boolean follow) throws ProbeException {
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        for (String raw : r.stderrText().split("\\R")) {
            if (!raw.startsWith("  ")) {
                continue;
            }
            String line = raw.trim();
            Matcher m = STATUS_LINE.matcher(line);
            if (m.matches()) {
                current = new Block(Integer.parseInt(m.group(1)), new LinkedHashMap<>());
                blocks.add(current);
            } else if (current != null && line.indexOf(':') > 0) {
                int colon = line.indexOf(':');
                current.headers().computeIfAbsent(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        blocks.removeIf(b -> b.status() < 200);
        if (blocks.isEmpty()) {
            throw new ProbeException("wget failed (exit " + r.exitCode() + "): " + r.tail(2));
        }
        // wget always follows redirects; without followRedirects the first response is the answer and its body unknown.
        boolean useAll = follow || blocks.size() == 1;
        List<Block> used = useAll ? blocks : blocks.subList(0, 1);
        ExecResult.Cut cut = r.stdoutCut();
        byte[] body = !useAll ? new byte[0] : Arrays.copyOf(r.stdout(), Math.min(Http.BODY_LIMIT, cut == null ? r.stdout().length : cut.at()));
        return result(used, requested, follow, body, useAll ? r.stdoutBytes() : 0, r.duration(), "wall time of wget over SSH");
    }

    private static HttpResult result(List<Block> blocks, URI requested, boolean followed, byte[] body, long total, Duration elapsed,
            String timing) {
        List<HttpResult.Redirect> redirects = new ArrayList<>();
        URI at = requested;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            boolean last = i == blocks.size() - 1;
            if (HttpRequests.isRedirect(b.status())) {
                URI to = HttpRequests.resolve(at, b.first("location")).orElse(null);
                if (to != null && (!last || !followed)) {
                    redirects.add(new HttpResult.Redirect(at, b.status(), to));
                    if (!last) {
                        at = to;
                    }
                }
            }
        }
        Block fin = blocks.get(blocks.size() - 1);
        return new HttpResult(at, fin.status(), fin.headers(), body, total, elapsed, timing, redirects, null);
    }

    /** Parses the header blocks at the start of {@code out}; returns where the body starts. */
    private static int headerBlocks(byte[] out, int end, List<Block> blocks) {
        int pos = 0;
        while (pos < end && startsWith(out, pos, "HTTP/")) {
            int blockEnd = indexOf(out, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), pos, end);
            int sep = 4;
            if (blockEnd < 0) {
                blockEnd = indexOf(out, "\n\n".getBytes(StandardCharsets.US_ASCII), pos, end);
                sep = 2;
            }
            if (blockEnd < 0) {
                blockEnd = end;
                sep = 0;
            }
            String[] lines = new String(out, pos, blockEnd - pos, StandardCharsets.ISO_8859_1).split("\r?\n");
            Matcher m = STATUS_LINE.matcher(lines[0].trim());
            if (m.matches()) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                                .add(lines[i].substring(colon + 1).trim());
                    }
                }
                int status = Integer.parseInt(m.group(1));
                if (status >= 200) {
                    blocks.add(new Block(status, headers));
                }
            }
            pos = Math.min(end, blockEnd + sep);
        }
        return pos;
    }

    private static boolean startsWith(byte[] a, int at, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (at + p.length > a.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (a[at + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] a, byte[] p, int from, int to) {
        outer:
        for (int i = from; i <= to - p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (a[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] a, byte[] p) {
        outer:
        for (int i = a.length - p.length; i >= 0; i--) {
            for (int j = 0; j < p.length; j++) {
                if (a[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String oneLine(String s) {
        String t = s.strip().replace("\n", "\\n");
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
