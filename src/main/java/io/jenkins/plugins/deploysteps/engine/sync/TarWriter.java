package io.jenkins.plugins.deploysteps.engine.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a POSIX tar stream (ustar headers, with pax extended headers for names and link targets that do not fit or
 * are not ASCII, and for sizes beyond ustar's 8 GiB), so the agent needs no tar program. Owners are left out: the
 * host's extracting user owns what it unpacks.
 */
public final class TarWriter {
    private static final int BLOCK = 512;
    private static final long USTAR_MAX_SIZE = 077777777777L;

    private final OutputStream out;
    private long written;

    public TarWriter(OutputStream out) {
        this.out = out;
    }

    public void directory(String name, int mode, long mtimeSeconds) throws IOException {
        header(name.endsWith("/") ? name : name + "/", mode, 0, mtimeSeconds, '5', "");
    }

    public void symlink(String name, String target, long mtimeSeconds) throws IOException {
        header(name, 0777, 0, mtimeSeconds, '2', target);
    }

    /** A file of exactly {@code size} bytes read from {@code content}; a file that changed size while read is refused. */
    public void file(String name, int mode, long size, long mtimeSeconds, InputStream content) throws IOException {
        header(name, mode, size, mtimeSeconds, '0', "");
        byte[] buf = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = content.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException(name + " became shorter while it was being sent");
            }
            write(buf, 0, n);
            left -= n;
        }
        if (content.read() >= 0) {
            throw new IOException(name + " grew while it was being sent");
        }
        pad(size);
    }

    public void file(String name, int mode, byte[] content, long mtimeSeconds) throws IOException {
        header(name, mode, content.length, mtimeSeconds, '0', "");
        write(content, 0, content.length);
        pad(content.length);
    }

    /** The end-of-archive marker: two zero blocks. */
    public void finish() throws IOException {
        write(new byte[BLOCK * 2], 0, BLOCK * 2);
        out.flush();
    }

    /** Bytes written so far. */
    public long written() {
        return written;
    }

    private void header(String name, int mode, long size, long mtime, char type, String link) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
        StringBuilder pax = new StringBuilder();
        if (nameBytes.length > 100 || !ascii(name)) {
            pax.append(record("path", name));
            nameBytes = "deploy-steps-long-name".getBytes(StandardCharsets.US_ASCII);
        }
        if (linkBytes.length > 100 || !ascii(link)) {
            pax.append(record("linkpath", link));
            linkBytes = new byte[0];
        }
        if (size > USTAR_MAX_SIZE) {
            pax.append(record("size", Long.toString(size)));
        }
        if (pax.length() > 0) {
            byte[] records = pax.toString().getBytes(StandardCharsets.UTF_8);
            write(block("PaxHeader", 0644, records.length, mtime, 'x', new byte[0]), 0, BLOCK);
            write(records, 0, records.length);
            pad(records.length);
        }
        byte[] h = block(nameBytes, mode, size > USTAR_MAX_SIZE ? 0 : size, mtime, type, linkBytes);
        write(h, 0, BLOCK);
    }

    private static byte[] block(String name, int mode, long size, long mtime, char type, byte[] link) {
        return block(name.getBytes(StandardCharsets.US_ASCII), mode, size, mtime, type, link);
    }

    private static byte[] block(byte[] name, int mode, long size, long mtime, char type, byte[] link) {
        byte[] h = new byte[BLOCK];
        System.arraycopy(name, 0, h, 0, name.length);
        octal(h, 100, 8, mode & 07777);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, Math.max(0, mtime));
        h[156] = (byte) type;
        System.arraycopy(link, 0, h, 157, link.length);
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        byte[] chk = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(chk, 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void octal(byte[] h, int at, int width, long value) {
        byte[] digits = String.format("%0" + (width - 1) + "o", value).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, h, at, width - 1);
        h[at + width - 1] = 0;
    }

    /** A pax record: {@code "<length> key=value\n"}, where the length counts itself. */
    static String record(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int len = body + Integer.toString(body).length();
        if (Integer.toString(len).length() != Integer.toString(body).length()) {
            len++;
        }
        return len + " " + key + "=" + value + "\n";
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            write(new byte[BLOCK - rest], 0, BLOCK - rest);
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        written += len;
    }
}
