package io.jenkins.plugins.deploysteps.engine.ssh;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** Known-host lines and key fingerprints, in OpenSSH's own formats so users can compare them with ssh-keygen -l. */
public final class HostKeys {
    static final Set<String> KEY_TYPES = Set.of(
            "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "ssh-ed448", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "ssh-dss");

    private HostKeys() {}

    /** OpenSSH's {@code SHA256:<base64 without padding>} fingerprint of a public key blob. */
    public static String fingerprint(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The key type named inside a public key blob ({@code ssh-ed25519}, ...). */
    public static String type(byte[] keyBlob) {
        if (keyBlob.length < 4) {
            return "unknown";
        }
        int len = ByteBuffer.wrap(keyBlob, 0, 4).getInt();
        if (len <= 0 || len > keyBlob.length - 4) {
            return "unknown";
        }
        return new String(keyBlob, 4, len, StandardCharsets.US_ASCII);
    }

    /** The known_hosts line that would pin this key for this host. */
    public static String line(String knownHostsName, byte[] keyBlob) {
        return knownHostsName + " " + type(keyBlob) + " " + Base64.getEncoder().encodeToString(keyBlob);
    }

    /**
     * Checks configured known-host lines and puts them in the form JSch reads: comments and blank lines
     * dropped, {@code <type> <key>} lines bound to {@code knownHostsName}. A malformed line is an error
     * naming its number, because a silently skipped line would later look like a changed host key.
     */
    public static List<String> normalize(String field, List<String> lines, String knownHostsName) {
        List<String> out = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            for (String line : raw.split("\\R")) {
                number++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\\s+");
                int typeAt = f[0].startsWith("@") ? 2 : KEY_TYPES.contains(f[0]) ? 0 : 1;
                if (f.length < typeAt + 2 || !KEY_TYPES.contains(f[typeAt])) {
                    throw new SpecException(field, "line " + number + " is not a known_hosts line ('[host]:port <key-type> <base64-key>'): " + abbreviate(l));
                }
                try {
                    Base64.getDecoder().decode(f[typeAt + 1]);
                } catch (IllegalArgumentException e) {
                    throw new SpecException(field, "line " + number + ": the " + f[typeAt] + " key is not valid base64");
                }
                out.add(typeAt == 0 ? knownHostsName + " " + l : l);
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
