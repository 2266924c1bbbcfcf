package io.jenkins.plugins.deploysteps.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Fresh key pairs made by the real ssh-keygen, in the formats users paste into Jenkins credentials. */
public final class SshKeys {
    public record Pair(String privateKey, String publicKey) {}

    private SshKeys() {}

    /**
     * @param type ed25519, ecdsa or rsa
     * @param pem true for the classic PEM format ({@code BEGIN RSA/EC PRIVATE KEY}), false for OpenSSH's own
     * @param passphrase empty for none
     */
    public static Pair generate(Path dir, String name, String type, boolean pem, String passphrase) {
        Path key = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", name, "-f", key.toString()));
        if (type.equals("rsa")) {
            cmd.addAll(List.of("-b", "3072"));
        }
        if (pem) {
            cmd.addAll(List.of("-m", "PEM"));
        }
        LocalTarget.run(cmd, Duration.ofSeconds(30));
        return new Pair(LocalTarget.read(key), LocalTarget.read(dir.resolve(name + ".pub")));
    }
}
