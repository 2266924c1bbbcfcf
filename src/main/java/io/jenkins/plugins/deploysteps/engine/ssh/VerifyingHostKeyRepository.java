package io.jenkins.plugins.deploysteps.engine.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Applies our host-key policy inside JSch's check. JSch itself, told {@code StrictHostKeyChecking=no},
 * would silently <em>replace</em> a changed key; so JSch always runs strict and this repository decides,
 * remembering the offered key so errors can show expected and offered fingerprints.
 */
final class VerifyingHostKeyRepository implements HostKeyRepository {
    private final HostKeyRepository known;
    private final HostKeyMode mode;
    /** Guarded by this; never changed in place (copied in and out). */
    private byte[] offered;
    private volatile boolean learned;

    VerifyingHostKeyRepository(HostKeyRepository known, HostKeyMode mode) {
        this.known = known;
        this.mode = mode;
    }

    @Override
    public int check(String host, byte[] key) {
        synchronized (this) {
            offered = key.clone();
        }
        int result = known.check(host, key);
        return switch (mode) {
            case STRICT -> result;
            case ACCEPT_FIRST -> {
                if (result == NOT_INCLUDED && expected(host).isEmpty()) {
                    learned = true;
                    yield OK;
                }
                yield result;
            }
            case OFF -> OK;
        };
    }

    /** The key the host offered in the last handshake, or null before one. */
    synchronized byte[] offered() {
        return offered == null ? null : offered.clone();
    }

    /** True when acceptFirst trusted a key it had never seen: the caller reports it so it can be pinned. */
    boolean learned() {
        return learned;
    }

    /** Fingerprints of the keys configured for {@code host}, as {@code <type> SHA256:...}. */
    List<String> expected(String host) {
        List<String> out = new ArrayList<>();
        HostKey[] keys = known.getHostKey(host, null);
        if (keys != null) {
            for (HostKey k : keys) {
                out.add(k.getType() + " " + HostKeys.fingerprint(Base64.getDecoder().decode(k.getKey())));
            }
        }
        return out;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Learned keys are reported to the caller, never written behind the user's back.
    }

    @Override
    public void remove(String host, String type) {}

    @Override
    public void remove(String host, String type, byte[] key) {}

    @Override
    public String getKnownHostsRepositoryID() {
        return "the configured known host keys";
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known.getHostKey(host, type);
    }
}
