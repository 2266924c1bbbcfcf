package io.jenkins.plugins.deploysteps.engine.secret;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns output that arrives in arbitrary chunks into masked lines. A secret split across two chunks is
 * still masked, because nothing is emitted before its line is complete. A line longer than
 * {@link #MAX_LINE} is emitted in pieces, each holding back enough bytes that a secret straddling the cut is
 * still seen whole in the next piece.
 */
public final class MaskingLineSplitter {
    static final int MAX_LINE = 16 * 1024;

    private final SecretMasker masker;
    private final Consumer<String> lines;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public MaskingLineSplitter(SecretMasker masker, Consumer<String> lines) {
        this.masker = masker;
        this.lines = lines;
    }

    public synchronized void accept(byte[] b, int off, int len) {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                pending.write(b, start, i - start);
                emit(pending.toByteArray(), pending.size());
                pending.reset();
                start = i + 1;
            }
        }
        pending.write(b, start, end - start);
        if (pending.size() > MAX_LINE) {
            emitLongPrefix();
        }
    }

    /** Emits what is left; call when the stream ends. */
    public synchronized void finish() {
        if (pending.size() > 0) {
            emit(pending.toByteArray(), pending.size());
            pending.reset();
        }
    }

    private void emitLongPrefix() {
        byte[] all = pending.toByteArray();
        // Hold back more bytes than the longest secret can take up (4 bytes a character in UTF-8).
        int cutByte = all.length - (masker.longestSecret() * 4 + 4);
        while (cutByte > 0 && (all[cutByte] & 0xC0) == 0x80) {
            cutByte--; // never cut inside a UTF-8 sequence
        }
        if (cutByte <= 0) {
            return;
        }
        String head = new String(all, 0, cutByte, StandardCharsets.UTF_8);
        String whole = new String(all, StandardCharsets.UTF_8);
        int cut = masker.safeCut(whole, head.length());
        if (cut <= 0) {
            return;
        }
        String emitted = whole.substring(0, cut);
        lines.accept(stripCr(masker.mask(emitted)));
        byte[] rest = whole.substring(cut).getBytes(StandardCharsets.UTF_8);
        pending.reset();
        pending.write(rest, 0, rest.length);
    }

    private void emit(byte[] bytes, int len) {
        lines.accept(stripCr(masker.mask(new String(bytes, 0, len, StandardCharsets.UTF_8))));
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
