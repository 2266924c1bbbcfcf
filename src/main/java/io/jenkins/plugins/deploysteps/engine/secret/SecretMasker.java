package io.jenkins.plugins.deploysteps.engine.secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The one place secrets are hidden. Every log line and every string that enters a report passes through
 * {@link #mask(String)}; credentials, tokens and session ids are {@link #register registered} the moment
 * they are known, before they can be printed.
 */
public final class SecretMasker {
    public static final String MASK = "****";

    /**
     * Shorter values would mask innocent text everywhere (a one-letter password would shred the log) and add
     * no protection worth having; they are refused loudly instead of masked.
     */
    static final int MIN_LENGTH = 3;

    private final CopyOnWriteArraySet<String> secrets = new CopyOnWriteArraySet<>();
    private volatile List<String> longestFirst = List.of();

    /**
     * Registers a secret. A multi-line value (a private key) is also registered line by line, because output
     * is masked a line at a time.
     *
     * @return false if the value is too short to mask safely (the caller should warn)
     */
    public boolean register(String secret) {
        if (secret == null || secret.isEmpty()) {
            return true;
        }
        if (secret.strip().length() < MIN_LENGTH) {
            return false;
        }
        boolean added = secrets.add(secret);
        for (String line : secret.split("\\R")) {
            String l = line.strip();
            if (l.length() >= MIN_LENGTH) {
                added |= secrets.add(l);
            }
        }
        if (added) {
            List<String> sorted = new ArrayList<>(secrets);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            longestFirst = List.copyOf(sorted);
        }
        return true;
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : longestFirst) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out.contains(CUT) ? maskCutEdges(out) : out;
    }

    /** How text that was shortened for display marks where it was cut. */
    public static final String CUT = "...";
    /** The shortest piece of a secret at a cut edge that is masked: shorter ones match innocent text too often. */
    static final int MIN_EDGE = 4;

    /**
     * Text cut for display may end in the first part of a secret ({@code Bearer 9f3c...}) or begin with its last part,
     * which the whole-secret search above cannot recognise: a prefix of a secret just before a cut mark, and a suffix
     * just after one, are masked too.
     */
    private String maskCutEdges(String text) {
        StringBuilder b = new StringBuilder(text);
        for (int cut = b.indexOf(CUT); cut >= 0; cut = b.indexOf(CUT, cut + CUT.length())) {
            for (String s : longestFirst) {
                int before = overlapBefore(b, cut, s);
                if (before >= MIN_EDGE) {
                    b.replace(cut - before, cut, MASK);
                    cut += MASK.length() - before;
                }
                int after = overlapAfter(b, cut + CUT.length(), s);
                if (after >= MIN_EDGE) {
                    b.replace(cut + CUT.length(), cut + CUT.length() + after, MASK);
                }
            }
        }
        return b.toString();
    }

    /** The length of the longest prefix of {@code secret} that ends at {@code end}. */
    private static int overlapBefore(CharSequence text, int end, String secret) {
        for (int n = Math.min(secret.length() - 1, end); n >= MIN_EDGE; n--) {
            if (secret.regionMatches(0, text.toString(), end - n, n)) {
                return n;
            }
        }
        return 0;
    }

    /** The length of the longest suffix of {@code secret} that starts at {@code start}. */
    private static int overlapAfter(CharSequence text, int start, String secret) {
        for (int n = Math.min(secret.length() - 1, text.length() - start); n >= MIN_EDGE; n--) {
            if (secret.regionMatches(secret.length() - n, text.toString(), start, n)) {
                return n;
            }
        }
        return 0;
    }

    /**
     * Moves a cut point in {@code text} back so that no registered secret straddles it, so text can be masked
     * and emitted in two pieces without leaking half a secret in each.
     */
    public int safeCut(String text, int cut) {
        int result = cut;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (String s : longestFirst) {
                int from = Math.max(0, result - s.length() + 1);
                int at = text.indexOf(s, from);
                if (at >= 0 && at < result && at + s.length() > result) {
                    result = at;
                    moved = true;
                }
            }
        }
        return result;
    }

    /** The longest registered secret, which bounds how much text a streaming masker must hold back. */
    public int longestSecret() {
        List<String> l = longestFirst;
        return l.isEmpty() ? 0 : l.get(0).length();
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }
}
